import { gql, type TypedDocumentNode } from "@apollo/client";

export interface ServerInfoData {
  serverInfo: { issuer: string; tokenEndpoint: string; tenantHeader: string; version: string };
}

export const SERVER_INFO: TypedDocumentNode<ServerInfoData> = gql`
  query ServerInfo {
    serverInfo {
      issuer
      tokenEndpoint
      tenantHeader
      version
    }
  }
`;
