/** Country → SLA region and default time zone tables (defaults; all overridable by config). */

export const NORTH_AMERICA = ['US', 'CA', 'MX', 'PR'];
export const EUROPE = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB', 'NO', 'CH', 'IS', 'LI', 'MC', 'AD', 'SM', 'UA', 'RS', 'BA', 'ME', 'MK', 'AL', 'MD',
];
export const SOUTHEAST_ASIA = ['SG', 'MY', 'TH', 'VN', 'PH', 'ID', 'BN', 'KH', 'LA', 'MM', 'TL'];

/** The most populous zone of each country; `customer.timezone` always wins over this. */
export const COUNTRY_TIMEZONES: Record<string, string> = {
  US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', PR: 'America/Puerto_Rico',
  AT: 'Europe/Vienna', BE: 'Europe/Brussels', BG: 'Europe/Sofia', HR: 'Europe/Zagreb', CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague', DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', FR: 'Europe/Paris',
  DE: 'Europe/Berlin', GR: 'Europe/Athens', HU: 'Europe/Budapest', IE: 'Europe/Dublin', IT: 'Europe/Rome',
  LV: 'Europe/Riga', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg', MT: 'Europe/Malta', NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw', PT: 'Europe/Lisbon', RO: 'Europe/Bucharest', SK: 'Europe/Bratislava', SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid', SE: 'Europe/Stockholm', GB: 'Europe/London', NO: 'Europe/Oslo', CH: 'Europe/Zurich',
  IS: 'Atlantic/Reykjavik', LI: 'Europe/Vaduz', MC: 'Europe/Monaco', AD: 'Europe/Andorra', SM: 'Europe/San_Marino',
  UA: 'Europe/Kyiv', RS: 'Europe/Belgrade', BA: 'Europe/Sarajevo', ME: 'Europe/Podgorica', MK: 'Europe/Skopje',
  AL: 'Europe/Tirane', MD: 'Europe/Chisinau',
  SG: 'Asia/Singapore', MY: 'Asia/Kuala_Lumpur', TH: 'Asia/Bangkok', VN: 'Asia/Ho_Chi_Minh', PH: 'Asia/Manila',
  ID: 'Asia/Jakarta', BN: 'Asia/Brunei', KH: 'Asia/Phnom_Penh', LA: 'Asia/Vientiane', MM: 'Asia/Yangon', TL: 'Asia/Dili',
  CN: 'Asia/Shanghai', HK: 'Asia/Hong_Kong', TW: 'Asia/Taipei', JP: 'Asia/Tokyo', KR: 'Asia/Seoul', IN: 'Asia/Kolkata',
  AE: 'Asia/Dubai', SA: 'Asia/Riyadh', IL: 'Asia/Jerusalem', TR: 'Europe/Istanbul', RU: 'Europe/Moscow',
  AU: 'Australia/Sydney', NZ: 'Pacific/Auckland', BR: 'America/Sao_Paulo', AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima', ZA: 'Africa/Johannesburg', EG: 'Africa/Cairo',
  NG: 'Africa/Lagos', KE: 'Africa/Nairobi', MA: 'Africa/Casablanca', PK: 'Asia/Karachi', BD: 'Asia/Dhaka',
};

const EXTRA_ZONES: Record<string, string> = {
  'America/Chicago': 'US', 'America/Denver': 'US', 'America/Phoenix': 'US', 'America/Los_Angeles': 'US',
  'America/Anchorage': 'US', 'Pacific/Honolulu': 'US', 'America/Detroit': 'US', 'America/Vancouver': 'CA',
  'America/Edmonton': 'CA', 'America/Winnipeg': 'CA', 'America/Halifax': 'CA', 'America/St_Johns': 'CA',
  'America/Tijuana': 'MX', 'America/Monterrey': 'MX', 'Europe/Kiev': 'UA', 'Asia/Saigon': 'VN',
  'Asia/Makassar': 'ID', 'Asia/Jayapura': 'ID', 'Australia/Melbourne': 'AU', 'Australia/Perth': 'AU',
  'Australia/Brisbane': 'AU', 'America/Manaus': 'BR', 'Atlantic/Canary': 'ES', 'Europe/Belfast': 'GB',
};

let zoneToCountry: Map<string, string> | undefined;

/** Best-effort country of an IANA zone (used only when `customer.country` is absent). */
export function countryOfTimezone(zone: string): string | undefined {
  if (!zoneToCountry) {
    zoneToCountry = new Map(Object.entries(EXTRA_ZONES));
    for (const [country, z] of Object.entries(COUNTRY_TIMEZONES)) if (!zoneToCountry.has(z)) zoneToCountry.set(z, country);
  }
  return zoneToCountry.get(zone);
}
