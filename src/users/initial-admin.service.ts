import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { generatePassword } from './password.js';
import { DomainError } from '../common/domain-error.js';
import { parseInput } from '../common/parse-input.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LOGGER } from '../logging/logging.module.js';
import { createUserSchema } from './user.schema.js';
import { UserEditorService } from './user-editor.service.js';

export const DEMO_ADMIN_EMAIL = 'admin@newsdesk.local';

// A fresh install must be reachable: with no user at all, create the configured first admin
// (ADMIN_EMAIL/ADMIN_PASSWORD) or, on the embedded demo, one with a random password shown once.
// Never once any user exists, so deleting or renaming that admin later does not bring it back.
@Injectable()
export class InitialAdminService implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserEditorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.auth.initialAdmin;
    const embedded = this.config.database.url === undefined;
    if (!configured && !embedded) return;
    if (!(await this.users.isEmpty())) return;
    if (configured) {
      if (await this.create(configured.email, 'Administrator', configured.password)) {
        this.logger.info({ email: configured.email }, 'Created the first admin from ADMIN_EMAIL');
      }
      return;
    }
    const password = generatePassword();
    if (await this.create(DEMO_ADMIN_EMAIL, 'Demo Admin', password)) this.announceDemoAdmin(password);
  }

  private async create(email: string, name: string, password: string): Promise<boolean> {
    const data = parseInput(createUserSchema, { email, name, role: 'ADMIN', password });
    try {
      await this.users.create(SYSTEM_ACTOR, data, { reason: 'initial_admin' });
      return true;
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (error instanceof DomainError && error.code === 'CONFLICT') return false;
      throw error;
    }
  }

  // The password goes to the terminal only, never into a log line: logs are shipped and kept. The
  // log says where to look, at warn level so that a quiet log level still shows it.
  private announceDemoAdmin(password: string): void {
    this.logger.warn(
      { email: DEMO_ADMIN_EMAIL },
      `Created the demo admin ${DEMO_ADMIN_EMAIL}; its password was printed to the terminal (shown only this once)`,
    );
    process.stdout.write(
      [
        '',
        '==================================================================',
        '  Newsdesk demo admin (shown only this once, note it down):',
        `    email:    ${DEMO_ADMIN_EMAIL}`,
        `    password: ${password}`,
        '  Log in with the login mutation at /admin/graphql.',
        '==================================================================',
        '',
        '',
      ].join('\n'),
    );
  }
}
