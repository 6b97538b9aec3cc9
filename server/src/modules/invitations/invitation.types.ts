import { Field, ID, ObjectType } from "type-graphql";
import { Me, toMe } from "../auth/auth.types.js";
import { MemberRoleEnum, OrganizationType, toOrganizationType } from "../organizations/organization.types.js";
import type { Organization } from "../organizations/organization.entity.js";
import type { AcceptedInvitation } from "./invitation.service.js";
import type { InvitationDelivery } from "./invitation-sender.js";
import { isExpired } from "./invitation.rules.js";
import type { MemberInvitation } from "./member-invitation.entity.js";

/** A pending invitation as its organization's owners see it: never who, if anyone, has the address. */
@ObjectType({ simpleResolvers: true })
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => MemberRoleEnum)
  role!: keyof typeof MemberRoleEnum;

  @Field()
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field()
  isExpired!: boolean;

  @Field({ description: "Who invited: their e-mail address, or cli." })
  invitedBy!: string;
}

@ObjectType({ simpleResolvers: true })
export class InviteMemberPayload {
  @Field(() => Invitation)
  invitation!: Invitation;

  @Field(() => String, { nullable: true, description: "The link to pass on to the invitee, shown this once (Clavis keeps only its hash). Null if it was sent to them." })
  invitationUrl!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "What an invitation link offers; anyone holding the link may read it." })
export class InvitationPreview {
  @Field()
  organizationName!: string;

  @Field()
  email!: string;

  @Field(() => MemberRoleEnum)
  role!: keyof typeof MemberRoleEnum;

  @Field()
  expiresAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class AcceptInvitationPayload {
  @Field(() => Me)
  user!: Me;

  @Field(() => OrganizationType)
  organization!: OrganizationType;
}

export function toInvitation(invitation: MemberInvitation): Invitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    isExpired: isExpired(invitation),
    invitedBy: invitation.invitedByLabel,
  };
}

export function toInviteMemberPayload({ invitation, delivery }: { invitation: MemberInvitation; delivery: InvitationDelivery }): InviteMemberPayload {
  return { invitation: toInvitation(invitation), invitationUrl: delivery.kind === "SHOW_TO_INVITER" ? delivery.invitationUrl : null };
}

export function toInvitationPreview({ invitation, organization }: { invitation: MemberInvitation; organization: Organization }): InvitationPreview {
  return { organizationName: organization.name, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export function toAcceptInvitationPayload(accepted: AcceptedInvitation): AcceptInvitationPayload {
  return { user: toMe(accepted.user), organization: toOrganizationType(accepted.organization, accepted.role) };
}
