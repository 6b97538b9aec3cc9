import { Field, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true })
export class LocalizedText {
  @Field()
  en!: string;

  @Field()
  sv!: string;
}
