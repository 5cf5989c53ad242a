import { enPage } from './en-page';
import { addMessages } from './index';
import { ruPage } from './ru-page';

// What the page's UI (page-ui.js) shows: the popover, the save button, kinds, statuses and dates.
addMessages({ en: enPage, ru: ruPage });
