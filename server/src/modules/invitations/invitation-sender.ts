import type { MemberRole } from "../members/membership.entity.js";

export interface InvitationMessage {
  email: string;
  role: MemberRole;
  organizationName: string;
  invitedBy: string;
  expiresAt: Date;
  invitationUrl: string;
  /** An invitation to become a platform operator (issue 14): role and organization mean nothing. */
  forOperator?: boolean;
}

/** What became of the link: shown once to the inviter (who passes it on), or sent by the sender. */
export type InvitationDelivery = { kind: "SHOW_TO_INVITER"; invitationUrl: string } | { kind: "SENT" };

/**
 * How an invitation reaches the invitee. Called after the invitation is committed; a mail
 * sender returns SENT, and the link is then never shown to the inviter.
 */
export interface InvitationSender {
  deliver(message: InvitationMessage): Promise<InvitationDelivery>;
}

/** Clavis has no mail server: the inviter is shown the link once and passes it on. */
export class ShowLinkToInviter implements InvitationSender {
  async deliver(message: InvitationMessage): Promise<InvitationDelivery> {
    return { kind: "SHOW_TO_INVITER", invitationUrl: message.invitationUrl };
  }
}
