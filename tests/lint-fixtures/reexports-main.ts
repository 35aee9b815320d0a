export * from '../../main/core/config';
