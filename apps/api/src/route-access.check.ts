import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_KEY, AccessRule } from '@app/common';

/** Refuses to start the api while an endpoint says nothing about who may call it (deny by default). */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper as { instance: unknown; metatype: (new () => unknown) | null };
      if (!instance || !metatype) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
        if (this.reflector.get<string | undefined>(PATH_METADATA, handler) === undefined) {
          continue;
        }
        const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_KEY, [
          handler,
          metatype,
        ]);
        if (!rules || rules.length === 0) {
          missing.push(`${metatype.name}.${method}`);
        }
      }
    }
    if (missing.length > 0) {
      throw new Error(`Endpoints without @Access/@Public: ${missing.join(', ')}`);
    }
  }
}
