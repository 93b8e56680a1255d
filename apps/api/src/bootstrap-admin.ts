import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthService } from '@app/auth';

/** Creates the system administrator on the first start (design.md §4). */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.auth.bootstrapAdmin();
  }
}
