export type CatalogueItem = {
  title: string;
  /** Short code that goes into the SKU. */
  code: string;
  productType: string;
  vendor: string;
  tags: readonly string[];
  /** Price range in minor units. */
  price: readonly [number, number];
  description: string;
};

export type Catalogue = { items: readonly CatalogueItem[]; variants: readonly string[] };

export const OUTDOOR_CATALOGUE: Catalogue = {
  variants: ['Charcoal', 'Glacier Blue', 'Moss', 'Ember', 'Sand'],
  items: [
    { title: 'Merino Base Layer Crew', code: 'MBL', productType: 'Apparel', vendor: 'Alpenglow', tags: ['merino', 'base-layer'], price: [5900, 7900], description: 'Soft 200 g/m² merino that stays warm when wet.' },
    { title: 'Trail Running Shoe', code: 'TRS', productType: 'Footwear', vendor: 'Kestrel', tags: ['running', 'trail'], price: [11900, 14900], description: 'Grippy lugs and a rock plate for technical trails.' },
    { title: 'Insulated Down Jacket', code: 'IDJ', productType: 'Apparel', vendor: 'Nordwand', tags: ['insulation', 'winter'], price: [22900, 28900], description: '800-fill responsibly sourced down, packs into its own pocket.' },
    { title: 'Waterproof Shell Jacket', code: 'WSJ', productType: 'Apparel', vendor: 'Nordwand', tags: ['waterproof', 'hiking'], price: [17900, 24900], description: 'Three-layer membrane with pit zips for steep climbs.' },
    { title: 'Hiking Daypack 24L', code: 'HDP', productType: 'Packs', vendor: 'Alpenglow', tags: ['pack', 'hiking'], price: [8900, 11900], description: 'Ventilated back panel, hydration sleeve and rain cover.' },
    { title: 'Carbon Trekking Poles', code: 'CTP', productType: 'Gear', vendor: 'Kestrel', tags: ['hiking', 'poles'], price: [9900, 13900], description: 'Three-section carbon poles with cork grips.' },
    { title: 'Softshell Trousers', code: 'SST', productType: 'Apparel', vendor: 'Alpenglow', tags: ['softshell', 'hiking'], price: [9900, 12900], description: 'Four-way stretch and a water-repellent finish.' },
    { title: 'Wool Hiking Socks 2-Pack', code: 'WHS', productType: 'Apparel', vendor: 'Alpenglow', tags: ['merino', 'socks'], price: [2400, 2900], description: 'Cushioned heel and toe, no-slip cuff.' },
    { title: 'Insulated Bottle 750 ml', code: 'IBT', productType: 'Gear', vendor: 'Fjellbrand', tags: ['hydration'], price: [2900, 3900], description: 'Keeps drinks hot for 12 hours or cold for 24.' },
    { title: 'Rechargeable Headlamp 400 lm', code: 'RHL', productType: 'Gear', vendor: 'Fjellbrand', tags: ['lighting', 'camping'], price: [4400, 5900], description: 'Red night mode and USB-C charging.' },
    { title: 'Fleece Midlayer Hoodie', code: 'FMH', productType: 'Apparel', vendor: 'Alpenglow', tags: ['fleece', 'mid-layer'], price: [6900, 8900], description: 'Grid fleece that breathes on the way up.' },
    { title: 'Ultralight Tent 2P', code: 'UT2', productType: 'Camping', vendor: 'Nordwand', tags: ['camping', 'tent'], price: [34900, 42900], description: 'Freestanding two-person tent at 1.2 kg.' },
    { title: 'Sleeping Bag -5°C', code: 'SB5', productType: 'Camping', vendor: 'Nordwand', tags: ['camping', 'sleeping'], price: [17900, 22900], description: 'Mummy cut with a draught collar for cold nights.' },
    { title: 'Merino Beanie', code: 'MBN', productType: 'Accessories', vendor: 'Alpenglow', tags: ['merino', 'winter'], price: [2900, 3500], description: 'Double-layer merino, warm without the itch.' },
    { title: 'Compact Camp Stove', code: 'CCS', productType: 'Camping', vendor: 'Fjellbrand', tags: ['camping', 'cooking'], price: [5900, 7900], description: 'Boils a litre in three minutes.' },
    { title: 'Approach Shoe', code: 'APS', productType: 'Footwear', vendor: 'Kestrel', tags: ['climbing', 'hiking'], price: [13900, 16900], description: 'Sticky rubber toe for scrambles and via ferratas.' },
  ],
};

export const HOME_CATALOGUE: Catalogue = {
  variants: ['Natural', 'Slate', 'Sage', 'Terracotta', 'Ivory'],
  items: [
    { title: 'Stoneware Dinner Plates, Set of 4', code: 'SDP', productType: 'Tableware', vendor: 'Copper & Clay', tags: ['stoneware', 'dining'], price: [6800, 8800], description: 'Reactive glaze, dishwasher and microwave safe.' },
    { title: 'Linen Duvet Cover', code: 'LDC', productType: 'Bedding', vendor: 'Loom House', tags: ['linen', 'bedroom'], price: [17900, 24900], description: 'Stonewashed European flax, softer with every wash.' },
    { title: 'Hand-Thrown Mug', code: 'HTM', productType: 'Tableware', vendor: 'Copper & Clay', tags: ['stoneware', 'coffee'], price: [2800, 3600], description: 'Made on the wheel; each one is a little different.' },
    { title: 'Copper Pour-Over Kettle', code: 'CPK', productType: 'Kitchen', vendor: 'Brightwell', tags: ['coffee', 'copper'], price: [8900, 11900], description: 'Gooseneck spout for a slow, even pour.' },
    { title: 'Cast Iron Skillet 10"', code: 'CIS', productType: 'Cookware', vendor: 'Brightwell', tags: ['cookware', 'cast-iron'], price: [4900, 6900], description: 'Pre-seasoned and ready for a lifetime of use.' },
    { title: 'Olive Wood Serving Board', code: 'OWB', productType: 'Kitchen', vendor: 'Loom House', tags: ['serving', 'wood'], price: [4200, 5800], description: 'Cut from pruned olive branches; no two grains alike.' },
    { title: 'Beeswax Taper Candles, Pair', code: 'BTC', productType: 'Decor', vendor: 'Hearth & Wick', tags: ['candles', 'gift'], price: [1800, 2400], description: 'Pure beeswax, slow and clean burning.' },
    { title: 'Wool Throw Blanket', code: 'WTB', productType: 'Textiles', vendor: 'Loom House', tags: ['wool', 'living-room'], price: [12900, 15900], description: 'Woven from undyed Shetland wool.' },
    { title: 'Ceramic Planter', code: 'CPL', productType: 'Decor', vendor: 'Copper & Clay', tags: ['plants', 'stoneware'], price: [3400, 5400], description: 'With a drainage hole and matching saucer.' },
    { title: 'Waffle Towel Set', code: 'WTS', productType: 'Bath', vendor: 'Loom House', tags: ['bath', 'cotton'], price: [5900, 7900], description: 'Quick-drying Turkish cotton waffle weave.' },
    { title: 'Glass Carafe', code: 'GCF', productType: 'Tableware', vendor: 'Brightwell', tags: ['glass', 'dining'], price: [3200, 4200], description: 'Mouth-blown borosilicate with a tumbler lid.' },
    { title: 'Walnut Salad Servers', code: 'WSS', productType: 'Kitchen', vendor: 'Loom House', tags: ['wood', 'serving'], price: [3600, 4600], description: 'Oiled black walnut, carved by hand.' },
    { title: 'Terracotta Vase', code: 'TCV', productType: 'Decor', vendor: 'Copper & Clay', tags: ['vase', 'gift'], price: [3900, 6400], description: 'Unglazed terracotta in a softly ribbed form.' },
    { title: 'Linen Napkins, Set of 4', code: 'LNS', productType: 'Textiles', vendor: 'Loom House', tags: ['linen', 'dining'], price: [3200, 4200], description: 'Mitred corners, generous 50 cm square.' },
    { title: 'Enamel Dutch Oven 5.5 qt', code: 'EDO', productType: 'Cookware', vendor: 'Brightwell', tags: ['cookware', 'enamel'], price: [18900, 26900], description: 'Enamelled cast iron for braises and bread.' },
    { title: 'Soy Candle, Cedar & Fig', code: 'SCF', productType: 'Decor', vendor: 'Hearth & Wick', tags: ['candles', 'gift'], price: [2600, 3400], description: 'Hand-poured soy wax with a cotton wick.' },
  ],
};
