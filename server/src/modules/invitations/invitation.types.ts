import { Field, ID, ObjectType } from "type-graphql";
import { Me, toMe } from "../auth/auth.types.js";
import { MemberRoleEnum, OrganizationType, toOrganizationType } from "../organizations/organization.types.js";
import type { AcceptedInvitation, InvitationOffer } from "./invitation.service.js";
import type { InvitationDelivery } from "./invitation-sender.js";
import { isExpired } from "./invitation.rules.js";
import type { MemberInvitation } from "./member-invitation.entity.js";
import type { OperatorInvitation } from "./operator-invitation.entity.js";

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
  @Field({ description: "Empty for an operator invitation." })
  organizationName!: string;

  @Field({ description: "An invitation to become a platform operator, of no organization (role means nothing then)." })
  forOperator!: boolean;

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

  @Field(() => OrganizationType, { nullable: true, description: "Null when the invitation made the user an operator." })
  organization!: OrganizationType | null;
}

@ObjectType({ simpleResolvers: true })
export class InviteOperatorPayload {
  @Field(() => Invitation)
  invitation!: Invitation;

  @Field(() => String, { nullable: true, description: "The link, shown once; null if it was e-mailed." })
  invitationUrl!: string | null;
}

/** An operator invitation as an Invitation: its role (OWNER) means nothing. */
export function toOperatorInvitation(invitation: OperatorInvitation): Invitation {
  return toInvitation({ ...invitation, organizationId: "", role: "OWNER" });
}

export function toInviteOperatorPayload({ invitation, delivery }: { invitation: OperatorInvitation; delivery: InvitationDelivery }): InviteOperatorPayload {
  return { invitation: toOperatorInvitation(invitation), invitationUrl: delivery.kind === "SHOW_TO_INVITER" ? delivery.invitationUrl : null };
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

export function toInvitationPreview({ invitation, organization }: InvitationOffer): InvitationPreview {
  return { organizationName: organization?.name ?? "", forOperator: organization === null, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export function toAcceptInvitationPayload(accepted: AcceptedInvitation): AcceptInvitationPayload {
  return { user: toMe(accepted.user), organization: accepted.organization === null ? null : toOrganizationType(accepted.organization, accepted.role) };
}
