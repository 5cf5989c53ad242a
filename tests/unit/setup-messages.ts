// Every unit test sees t() with every catalogue registered, as the extension's pages do.
import '../../lib/i18n/messages-all';
