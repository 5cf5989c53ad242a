import { en } from './en';
import { addMessages, type Catalogue, type Language } from './index';
import { ru } from './ru';

/** Every message of every language: what the extension's pages (and the unit tests) register. */
export const CATALOGUES: Record<Language, Catalogue> = { en, ru };

addMessages(CATALOGUES);
