import { registerEnumType } from '@nestjs/graphql';
import { UserRole } from '../../generated/prisma/client.js';

// Registered once here; API tokens and sessions reuse it.
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'Each role has every right of the roles before it: CONTRIBUTOR < AUTHOR < EDITOR < ADMIN',
});

export { UserRole };
