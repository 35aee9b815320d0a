/** The shared typed emitter lives in common/ (pure) so drivers and offline-cache use one implementation. */
export { TypedEmitter, type Off } from '../../common/domain/typed-emitter';
