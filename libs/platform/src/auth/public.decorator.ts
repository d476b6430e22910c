import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'parkmatch:public';

/** A route anyone may call without a key: health probes. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
