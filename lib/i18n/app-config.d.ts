import type messages from './messages/vi.json';
import type { AppLocale } from './config';

// Type-checks every message key against the Vietnamese catalogue (the reference one).
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
