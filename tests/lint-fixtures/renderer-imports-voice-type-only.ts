import type { PromptId } from '../voice/prompt-ids';

export const prompt: PromptId = 'attract';
