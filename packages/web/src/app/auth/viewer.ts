import { graphql } from '../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      role
      keyName
      accountIds
      permissions
    }
  }
`);

/** Same selection, sent with the candidate key before it is stored. */
export const SignInCheckQuery = graphql(`
  query SignInCheck {
    me {
      role
      keyName
      accountIds
      permissions
    }
  }
`);
