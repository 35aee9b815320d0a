/** The shared typed emitter lives in common/ (pure) so offline-cache and the drivers use one implementation. */
export { TypedEmitter as Emitter, type Off } from '../common/domain/typed-emitter';
