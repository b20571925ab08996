import type { Conversation } from '../../pipeline/validate/conversation.js';
import { isValidTimezone, type WorkingCalendar } from './calendar.js';
import type { ResolvedTimingOptions } from './options.js';
import { COUNTRY_TIMEZONES, countryOfTimezone } from './regions.js';

export interface CustomerPlace {
  calendar: WorkingCalendar;
  country: string | undefined;
  regionId: string | null;
  /** Where the zone came from. */
  zoneSource: 'customer.timezone' | 'customer.country' | 'default';
  /** Set when `customer.timezone` was given but is not an IANA zone. */
  badTimezone?: string;
}

/** Customer zone: `customer.timezone`, else the country's main zone, else the default zone. */
export function customerPlace(conversation: Conversation, o: ResolvedTimingOptions): CustomerPlace {
  const given = conversation.customer?.timezone;
  const badTimezone = given && !isValidTimezone(given) ? given : undefined;
  let country = conversation.customer?.country;
  let timezone: string;
  let zoneSource: CustomerPlace['zoneSource'];
  if (given && !badTimezone) {
    timezone = given;
    zoneSource = 'customer.timezone';
    country ??= countryOfTimezone(given);
  } else if (country && COUNTRY_TIMEZONES[country]) {
    timezone = COUNTRY_TIMEZONES[country]!;
    zoneSource = 'customer.country';
  } else {
    timezone = o.defaultTimezone;
    zoneSource = 'default';
  }
  let regionId: string | null = null;
  if (country) {
    for (const [id, r] of Object.entries(o.sla.regions)) {
      if (r.countries.includes(country)) {
        regionId = id;
        break;
      }
    }
  }
  const calendar: WorkingCalendar = {
    timezone,
    days: o.businessHours.days,
    start: o.businessHours.start,
    end: o.businessHours.end,
    holidayCountry: o.holidays ? country : undefined,
  };
  return { calendar, country, regionId, zoneSource, ...(badTimezone ? { badTimezone } : {}) };
}
