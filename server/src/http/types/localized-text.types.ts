import { Field, ObjectType } from "type-graphql";

@ObjectType()
export class LocalizedText {
  @Field()
  en!: string;

  @Field()
  sv!: string;
}
