import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { HealthService } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  // Liveness: the process answers. Never touches the database, so a slow database does not get
  // a healthy process restarted.
  @Get()
  @HttpCode(200)
  alive() {
    return { status: 'ok' };
  }

  // Readiness: the database answers, so a load balancer only routes to instances that can serve.
  @Get('ready')
  async ready() {
    const database = await this.health.databaseStatus();
    if (database !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', database });
    return { status: 'ok', database };
  }
}
