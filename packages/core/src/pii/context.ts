/** Context words near a candidate (Presidio-style): they raise or veto a weak pattern match. */

export const PHONE_CONTEXT = /\b(phone|tel|telephone|mobile|cell|call|fax|office|whats ?app|contact|reach|number|text me|sms|messages? to|telefon|handy|rufnummer|téléphone|portable|numéro|teléfono|telefono|móvil|celular|número|電話|携帯|电话|手机|联系)/iu;
export const ORDER_CONTEXT = /(order|tracking|track|shipment|parcel|invoice|sku|item|asin|ref(erence)?|case|ticket|account|license|licence|id number|transaction|bestell|sendung|commande|pedido|encomenda|订单|快递|運送|注文|#)\s*(no\.?|number|nr\.?|num|id|code|#)?\s*[:：#]?\s*$/iu;
export const STREET_AFTER = /^[\s,]*([A-Za-zÀ-ÿ.'-]+\s+){0,3}(st|street|str|straße|strasse|ave|av|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|pl|place|ct|court|rue|calle|via|vej|tér|utca|weg|gasse|allee|parkway|pkwy|hwy|highway)\b/iu;
/** Words before a long number that make it an order/tracking number, never a card. */
export const CARD_VETO = /(order|tracking|track|shipment|parcel|invoice|sku|asin|ticket|bestell\w*|sendung\w*|commande|pedido|encomenda|订单|快递|注文)\W{0,20}$/iu;
/** Words before a number that make it an identifier or part of an address, not a phone. */
export const PHONE_VETO = /((driver'?s? )?licen[cs]e|passport|\bid\b|apt\.?|apartment|suite|unit|return to|ship to|deliver to|located at|is at|address(es)?( is| are)?)[^\n\d]{0,20}$/iu;
export const PASSPORT_CONTEXT = /(passport|passeport|pasaporte|passaporto|reisepass|passaporte|护照|パスポート)(\s*(no\.?|number|nr\.?|num|#|id|番号|号码?))?\W{0,5}$/iu;
/** A dotted quad after these words is a version number, not an IP address. */
export const VERSION_CONTEXT = /\b(version|ver\.?|v|build|release|firmware|update)\s*$/iu;

/** The `size` characters before `start`. */
export function before(text: string, start: number, size = 40): string {
  return text.slice(Math.max(0, start - size), start);
}

/** The `size` characters after `end`. */
export function after(text: string, end: number, size = 40): string {
  return text.slice(end, end + size);
}
