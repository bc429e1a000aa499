/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** The input fields for an attribute. */
export type AttributeInput = {
  /** Key or name of the attribute. */
  key: string;
  /** Value of the attribute. */
  value: string;
};

/** Error codes for failed bulk operations. */
export type BulkOperationErrorCode =
  /**
   * The provided operation `query` returned access denied due to missing
   * [access scopes](https://shopify.dev/api/usage/access-scopes).
   * Review the requested object permissions and execute the query as a normal non-bulk GraphQL request to see more details.
   */
  | 'ACCESS_DENIED'
  /**
   * The operation resulted in partial or incomplete data due to internal server errors during execution.
   * These errors might be intermittent, so you can try performing the same query again.
   */
  | 'INTERNAL_SERVER_ERROR'
  /**
   * The operation resulted in partial or incomplete data due to query timeouts during execution.
   * In some cases, timeouts can be avoided by modifying your `query` to select fewer fields.
   */
  | 'TIMEOUT';

/** The valid values for the status of a bulk operation. */
export type BulkOperationStatus =
  /** The bulk operation has been canceled. */
  | 'CANCELED'
  /**
   * Cancelation has been initiated on the bulk operation. There may be a short delay from when a cancelation
   * starts until the operation is actually canceled.
   */
  | 'CANCELING'
  /** The bulk operation has successfully completed. */
  | 'COMPLETED'
  /** The bulk operation has been created. */
  | 'CREATED'
  /** The bulk operation URL has expired. */
  | 'EXPIRED'
  /**
   * The bulk operation has failed. For information on why the operation failed, use
   * [BulkOperation.errorCode](https://shopify.dev/api/admin-graphql/latest/enums/bulkoperationerrorcode).
   */
  | 'FAILED'
  /** The bulk operation is running. */
  | 'RUNNING';

/** The valid values for the bulk operation's type. */
export type BulkOperationType =
  /** The bulk operation is a mutation. */
  | 'MUTATION'
  /** The bulk operation is a query. */
  | 'QUERY';

/** Possible error codes that can be returned by `BulkOperationUserError`. */
export type BulkOperationUserErrorCode =
  /** The input value is invalid. */
  | 'INVALID'
  /** Bulk operations limit reached. Please try again later. */
  | 'LIMIT_REACHED'
  /** A bulk operation is already in progress. */
  | 'OPERATION_IN_PROGRESS';

/** The input fields representing the components of a bundle line item. */
export type BundlesDraftOrderBundleLineItemComponentInput = {
  /** The quantity of the bundle component. */
  quantity: number;
  /**
   * The UUID of the bundle component. Must be unique and consistent across requests.
   * This field is mandatory in order to manipulate drafts with bundles.
   */
  uuid?: string | null | undefined;
  /** The ID of the product variant corresponding to the bundle component. */
  variantId?: string | null | undefined;
};

/**
 * The code designating a country/region, which generally follows ISO 3166-1 alpha-2 guidelines.
 * If a territory doesn't have a country code value in the `CountryCode` enum, then it might be considered a subdivision
 * of another country. For example, the territories associated with Spain are represented by the country code `ES`,
 * and the territories associated with the United States of America are represented by the country code `US`.
 */
export type CountryCode =
  /** Ascension Island. */
  | 'AC'
  /** Andorra. */
  | 'AD'
  /** United Arab Emirates. */
  | 'AE'
  /** Afghanistan. */
  | 'AF'
  /** Antigua & Barbuda. */
  | 'AG'
  /** Anguilla. */
  | 'AI'
  /** Albania. */
  | 'AL'
  /** Armenia. */
  | 'AM'
  /** Netherlands Antilles. */
  | 'AN'
  /** Angola. */
  | 'AO'
  /** Argentina. */
  | 'AR'
  /** Austria. */
  | 'AT'
  /** Australia. */
  | 'AU'
  /** Aruba. */
  | 'AW'
  /** Åland Islands. */
  | 'AX'
  /** Azerbaijan. */
  | 'AZ'
  /** Bosnia & Herzegovina. */
  | 'BA'
  /** Barbados. */
  | 'BB'
  /** Bangladesh. */
  | 'BD'
  /** Belgium. */
  | 'BE'
  /** Burkina Faso. */
  | 'BF'
  /** Bulgaria. */
  | 'BG'
  /** Bahrain. */
  | 'BH'
  /** Burundi. */
  | 'BI'
  /** Benin. */
  | 'BJ'
  /** St. Barthélemy. */
  | 'BL'
  /** Bermuda. */
  | 'BM'
  /** Brunei. */
  | 'BN'
  /** Bolivia. */
  | 'BO'
  /** Caribbean Netherlands. */
  | 'BQ'
  /** Brazil. */
  | 'BR'
  /** Bahamas. */
  | 'BS'
  /** Bhutan. */
  | 'BT'
  /** Bouvet Island. */
  | 'BV'
  /** Botswana. */
  | 'BW'
  /** Belarus. */
  | 'BY'
  /** Belize. */
  | 'BZ'
  /** Canada. */
  | 'CA'
  /** Cocos (Keeling) Islands. */
  | 'CC'
  /** Congo - Kinshasa. */
  | 'CD'
  /** Central African Republic. */
  | 'CF'
  /** Congo - Brazzaville. */
  | 'CG'
  /** Switzerland. */
  | 'CH'
  /** Côte d’Ivoire. */
  | 'CI'
  /** Cook Islands. */
  | 'CK'
  /** Chile. */
  | 'CL'
  /** Cameroon. */
  | 'CM'
  /** China. */
  | 'CN'
  /** Colombia. */
  | 'CO'
  /** Costa Rica. */
  | 'CR'
  /** Cuba. */
  | 'CU'
  /** Cape Verde. */
  | 'CV'
  /** Curaçao. */
  | 'CW'
  /** Christmas Island. */
  | 'CX'
  /** Cyprus. */
  | 'CY'
  /** Czechia. */
  | 'CZ'
  /** Germany. */
  | 'DE'
  /** Djibouti. */
  | 'DJ'
  /** Denmark. */
  | 'DK'
  /** Dominica. */
  | 'DM'
  /** Dominican Republic. */
  | 'DO'
  /** Algeria. */
  | 'DZ'
  /** Ecuador. */
  | 'EC'
  /** Estonia. */
  | 'EE'
  /** Egypt. */
  | 'EG'
  /** Western Sahara. */
  | 'EH'
  /** Eritrea. */
  | 'ER'
  /** Spain. */
  | 'ES'
  /** Ethiopia. */
  | 'ET'
  /** Finland. */
  | 'FI'
  /** Fiji. */
  | 'FJ'
  /** Falkland Islands. */
  | 'FK'
  /** Faroe Islands. */
  | 'FO'
  /** France. */
  | 'FR'
  /** Gabon. */
  | 'GA'
  /** United Kingdom. */
  | 'GB'
  /** Grenada. */
  | 'GD'
  /** Georgia. */
  | 'GE'
  /** French Guiana. */
  | 'GF'
  /** Guernsey. */
  | 'GG'
  /** Ghana. */
  | 'GH'
  /** Gibraltar. */
  | 'GI'
  /** Greenland. */
  | 'GL'
  /** Gambia. */
  | 'GM'
  /** Guinea. */
  | 'GN'
  /** Guadeloupe. */
  | 'GP'
  /** Equatorial Guinea. */
  | 'GQ'
  /** Greece. */
  | 'GR'
  /** South Georgia & South Sandwich Islands. */
  | 'GS'
  /** Guatemala. */
  | 'GT'
  /** Guinea-Bissau. */
  | 'GW'
  /** Guyana. */
  | 'GY'
  /** Hong Kong SAR. */
  | 'HK'
  /** Heard & McDonald Islands. */
  | 'HM'
  /** Honduras. */
  | 'HN'
  /** Croatia. */
  | 'HR'
  /** Haiti. */
  | 'HT'
  /** Hungary. */
  | 'HU'
  /** Indonesia. */
  | 'ID'
  /** Ireland. */
  | 'IE'
  /** Israel. */
  | 'IL'
  /** Isle of Man. */
  | 'IM'
  /** India. */
  | 'IN'
  /** British Indian Ocean Territory. */
  | 'IO'
  /** Iraq. */
  | 'IQ'
  /** Iran. */
  | 'IR'
  /** Iceland. */
  | 'IS'
  /** Italy. */
  | 'IT'
  /** Jersey. */
  | 'JE'
  /** Jamaica. */
  | 'JM'
  /** Jordan. */
  | 'JO'
  /** Japan. */
  | 'JP'
  /** Kenya. */
  | 'KE'
  /** Kyrgyzstan. */
  | 'KG'
  /** Cambodia. */
  | 'KH'
  /** Kiribati. */
  | 'KI'
  /** Comoros. */
  | 'KM'
  /** St. Kitts & Nevis. */
  | 'KN'
  /** North Korea. */
  | 'KP'
  /** South Korea. */
  | 'KR'
  /** Kuwait. */
  | 'KW'
  /** Cayman Islands. */
  | 'KY'
  /** Kazakhstan. */
  | 'KZ'
  /** Laos. */
  | 'LA'
  /** Lebanon. */
  | 'LB'
  /** St. Lucia. */
  | 'LC'
  /** Liechtenstein. */
  | 'LI'
  /** Sri Lanka. */
  | 'LK'
  /** Liberia. */
  | 'LR'
  /** Lesotho. */
  | 'LS'
  /** Lithuania. */
  | 'LT'
  /** Luxembourg. */
  | 'LU'
  /** Latvia. */
  | 'LV'
  /** Libya. */
  | 'LY'
  /** Morocco. */
  | 'MA'
  /** Monaco. */
  | 'MC'
  /** Moldova. */
  | 'MD'
  /** Montenegro. */
  | 'ME'
  /** St. Martin. */
  | 'MF'
  /** Madagascar. */
  | 'MG'
  /** North Macedonia. */
  | 'MK'
  /** Mali. */
  | 'ML'
  /** Myanmar (Burma). */
  | 'MM'
  /** Mongolia. */
  | 'MN'
  /** Macao SAR. */
  | 'MO'
  /** Martinique. */
  | 'MQ'
  /** Mauritania. */
  | 'MR'
  /** Montserrat. */
  | 'MS'
  /** Malta. */
  | 'MT'
  /** Mauritius. */
  | 'MU'
  /** Maldives. */
  | 'MV'
  /** Malawi. */
  | 'MW'
  /** Mexico. */
  | 'MX'
  /** Malaysia. */
  | 'MY'
  /** Mozambique. */
  | 'MZ'
  /** Namibia. */
  | 'NA'
  /** New Caledonia. */
  | 'NC'
  /** Niger. */
  | 'NE'
  /** Norfolk Island. */
  | 'NF'
  /** Nigeria. */
  | 'NG'
  /** Nicaragua. */
  | 'NI'
  /** Netherlands. */
  | 'NL'
  /** Norway. */
  | 'NO'
  /** Nepal. */
  | 'NP'
  /** Nauru. */
  | 'NR'
  /** Niue. */
  | 'NU'
  /** New Zealand. */
  | 'NZ'
  /** Oman. */
  | 'OM'
  /** Panama. */
  | 'PA'
  /** Peru. */
  | 'PE'
  /** French Polynesia. */
  | 'PF'
  /** Papua New Guinea. */
  | 'PG'
  /** Philippines. */
  | 'PH'
  /** Pakistan. */
  | 'PK'
  /** Poland. */
  | 'PL'
  /** St. Pierre & Miquelon. */
  | 'PM'
  /** Pitcairn Islands. */
  | 'PN'
  /** Palestinian Territories. */
  | 'PS'
  /** Portugal. */
  | 'PT'
  /** Paraguay. */
  | 'PY'
  /** Qatar. */
  | 'QA'
  /** Réunion. */
  | 'RE'
  /** Romania. */
  | 'RO'
  /** Serbia. */
  | 'RS'
  /** Russia. */
  | 'RU'
  /** Rwanda. */
  | 'RW'
  /** Saudi Arabia. */
  | 'SA'
  /** Solomon Islands. */
  | 'SB'
  /** Seychelles. */
  | 'SC'
  /** Sudan. */
  | 'SD'
  /** Sweden. */
  | 'SE'
  /** Singapore. */
  | 'SG'
  /** St. Helena. */
  | 'SH'
  /** Slovenia. */
  | 'SI'
  /** Svalbard & Jan Mayen. */
  | 'SJ'
  /** Slovakia. */
  | 'SK'
  /** Sierra Leone. */
  | 'SL'
  /** San Marino. */
  | 'SM'
  /** Senegal. */
  | 'SN'
  /** Somalia. */
  | 'SO'
  /** Suriname. */
  | 'SR'
  /** South Sudan. */
  | 'SS'
  /** São Tomé & Príncipe. */
  | 'ST'
  /** El Salvador. */
  | 'SV'
  /** Sint Maarten. */
  | 'SX'
  /** Syria. */
  | 'SY'
  /** Eswatini. */
  | 'SZ'
  /** Tristan da Cunha. */
  | 'TA'
  /** Turks & Caicos Islands. */
  | 'TC'
  /** Chad. */
  | 'TD'
  /** French Southern Territories. */
  | 'TF'
  /** Togo. */
  | 'TG'
  /** Thailand. */
  | 'TH'
  /** Tajikistan. */
  | 'TJ'
  /** Tokelau. */
  | 'TK'
  /** Timor-Leste. */
  | 'TL'
  /** Turkmenistan. */
  | 'TM'
  /** Tunisia. */
  | 'TN'
  /** Tonga. */
  | 'TO'
  /** Türkiye. */
  | 'TR'
  /** Trinidad & Tobago. */
  | 'TT'
  /** Tuvalu. */
  | 'TV'
  /** Taiwan. */
  | 'TW'
  /** Tanzania. */
  | 'TZ'
  /** Ukraine. */
  | 'UA'
  /** Uganda. */
  | 'UG'
  /** U.S. Outlying Islands. */
  | 'UM'
  /** United States. */
  | 'US'
  /** Uruguay. */
  | 'UY'
  /** Uzbekistan. */
  | 'UZ'
  /** Vatican City. */
  | 'VA'
  /** St. Vincent & Grenadines. */
  | 'VC'
  /** Venezuela. */
  | 'VE'
  /** British Virgin Islands. */
  | 'VG'
  /** Vietnam. */
  | 'VN'
  /** Vanuatu. */
  | 'VU'
  /** Wallis & Futuna. */
  | 'WF'
  /** Samoa. */
  | 'WS'
  /** Kosovo. */
  | 'XK'
  /** Yemen. */
  | 'YE'
  /** Mayotte. */
  | 'YT'
  /** South Africa. */
  | 'ZA'
  /** Zambia. */
  | 'ZM'
  /** Zimbabwe. */
  | 'ZW'
  /** Unknown Region. */
  | 'ZZ';

/**
 * The currency codes that represent the world currencies throughout the Admin API. Currency codes include
 * [standard ISO 4217 codes](https://en.wikipedia.org/wiki/ISO_4217), legacy codes, non-standard codes,
 * digital currency codes.
 */
export type CurrencyCode =
  /** United Arab Emirates Dirham (AED). */
  | 'AED'
  /** Afghan Afghani (AFN). */
  | 'AFN'
  /** Albanian Lek (ALL). */
  | 'ALL'
  /** Armenian Dram (AMD). */
  | 'AMD'
  /** Netherlands Antillean Guilder. */
  | 'ANG'
  /** Angolan Kwanza (AOA). */
  | 'AOA'
  /** Argentine Pesos (ARS). */
  | 'ARS'
  /** Australian Dollars (AUD). */
  | 'AUD'
  /** Aruban Florin (AWG). */
  | 'AWG'
  /** Azerbaijani Manat (AZN). */
  | 'AZN'
  /** Bosnia and Herzegovina Convertible Mark (BAM). */
  | 'BAM'
  /** Barbadian Dollar (BBD). */
  | 'BBD'
  /** Bangladesh Taka (BDT). */
  | 'BDT'
  /** Bulgarian Lev (BGN). */
  | 'BGN'
  /** Bahraini Dinar (BHD). */
  | 'BHD'
  /** Burundian Franc (BIF). */
  | 'BIF'
  /** Bermudian Dollar (BMD). */
  | 'BMD'
  /** Brunei Dollar (BND). */
  | 'BND'
  /** Bolivian Boliviano (BOB). */
  | 'BOB'
  /** Brazilian Real (BRL). */
  | 'BRL'
  /** Bahamian Dollar (BSD). */
  | 'BSD'
  /** Bhutanese Ngultrum (BTN). */
  | 'BTN'
  /** Botswana Pula (BWP). */
  | 'BWP'
  /** Belarusian Ruble (BYN). */
  | 'BYN'
  /** Belarusian Ruble (BYR). */
  | 'BYR'
  /** Belize Dollar (BZD). */
  | 'BZD'
  /** Canadian Dollars (CAD). */
  | 'CAD'
  /** Congolese franc (CDF). */
  | 'CDF'
  /** Swiss Francs (CHF). */
  | 'CHF'
  /** Chilean Peso (CLP). */
  | 'CLP'
  /** Chinese Yuan Renminbi (CNY). */
  | 'CNY'
  /** Colombian Peso (COP). */
  | 'COP'
  /** Costa Rican Colones (CRC). */
  | 'CRC'
  /** Cape Verdean escudo (CVE). */
  | 'CVE'
  /** Czech Koruny (CZK). */
  | 'CZK'
  /** Djiboutian Franc (DJF). */
  | 'DJF'
  /** Danish Kroner (DKK). */
  | 'DKK'
  /** Dominican Peso (DOP). */
  | 'DOP'
  /** Algerian Dinar (DZD). */
  | 'DZD'
  /** Egyptian Pound (EGP). */
  | 'EGP'
  /** Eritrean Nakfa (ERN). */
  | 'ERN'
  /** Ethiopian Birr (ETB). */
  | 'ETB'
  /** Euro (EUR). */
  | 'EUR'
  /** Fijian Dollars (FJD). */
  | 'FJD'
  /** Falkland Islands Pounds (FKP). */
  | 'FKP'
  /** United Kingdom Pounds (GBP). */
  | 'GBP'
  /** Georgian Lari (GEL). */
  | 'GEL'
  /** Ghanaian Cedi (GHS). */
  | 'GHS'
  /** Gibraltar Pounds (GIP). */
  | 'GIP'
  /** Gambian Dalasi (GMD). */
  | 'GMD'
  /** Guinean Franc (GNF). */
  | 'GNF'
  /** Guatemalan Quetzal (GTQ). */
  | 'GTQ'
  /** Guyanese Dollar (GYD). */
  | 'GYD'
  /** Hong Kong Dollars (HKD). */
  | 'HKD'
  /** Honduran Lempira (HNL). */
  | 'HNL'
  /** Croatian Kuna (HRK). */
  | 'HRK'
  /** Haitian Gourde (HTG). */
  | 'HTG'
  /** Hungarian Forint (HUF). */
  | 'HUF'
  /** Indonesian Rupiah (IDR). */
  | 'IDR'
  /** Israeli New Shekel (NIS). */
  | 'ILS'
  /** Indian Rupees (INR). */
  | 'INR'
  /** Iraqi Dinar (IQD). */
  | 'IQD'
  /** Iranian Rial (IRR). */
  | 'IRR'
  /** Icelandic Kronur (ISK). */
  | 'ISK'
  /** Jersey Pound. */
  | 'JEP'
  /** Jamaican Dollars (JMD). */
  | 'JMD'
  /** Jordanian Dinar (JOD). */
  | 'JOD'
  /** Japanese Yen (JPY). */
  | 'JPY'
  /** Kenyan Shilling (KES). */
  | 'KES'
  /** Kyrgyzstani Som (KGS). */
  | 'KGS'
  /** Cambodian Riel. */
  | 'KHR'
  /** Kiribati Dollar (KID). */
  | 'KID'
  /** Comorian Franc (KMF). */
  | 'KMF'
  /** South Korean Won (KRW). */
  | 'KRW'
  /** Kuwaiti Dinar (KWD). */
  | 'KWD'
  /** Cayman Dollars (KYD). */
  | 'KYD'
  /** Kazakhstani Tenge (KZT). */
  | 'KZT'
  /** Laotian Kip (LAK). */
  | 'LAK'
  /** Lebanese Pounds (LBP). */
  | 'LBP'
  /** Sri Lankan Rupees (LKR). */
  | 'LKR'
  /** Liberian Dollar (LRD). */
  | 'LRD'
  /** Lesotho Loti (LSL). */
  | 'LSL'
  /** Lithuanian Litai (LTL). */
  | 'LTL'
  /** Latvian Lati (LVL). */
  | 'LVL'
  /** Libyan Dinar (LYD). */
  | 'LYD'
  /** Moroccan Dirham. */
  | 'MAD'
  /** Moldovan Leu (MDL). */
  | 'MDL'
  /** Malagasy Ariary (MGA). */
  | 'MGA'
  /** Macedonia Denar (MKD). */
  | 'MKD'
  /** Burmese Kyat (MMK). */
  | 'MMK'
  /** Mongolian Tugrik. */
  | 'MNT'
  /** Macanese Pataca (MOP). */
  | 'MOP'
  /** Mauritanian Ouguiya (MRU). */
  | 'MRU'
  /** Mauritian Rupee (MUR). */
  | 'MUR'
  /** Maldivian Rufiyaa (MVR). */
  | 'MVR'
  /** Malawian Kwacha (MWK). */
  | 'MWK'
  /** Mexican Pesos (MXN). */
  | 'MXN'
  /** Malaysian Ringgits (MYR). */
  | 'MYR'
  /** Mozambican Metical. */
  | 'MZN'
  /** Namibian Dollar. */
  | 'NAD'
  /** Nigerian Naira (NGN). */
  | 'NGN'
  /** Nicaraguan Córdoba (NIO). */
  | 'NIO'
  /** Norwegian Kroner (NOK). */
  | 'NOK'
  /** Nepalese Rupee (NPR). */
  | 'NPR'
  /** New Zealand Dollars (NZD). */
  | 'NZD'
  /** Omani Rial (OMR). */
  | 'OMR'
  /** Panamian Balboa (PAB). */
  | 'PAB'
  /** Peruvian Nuevo Sol (PEN). */
  | 'PEN'
  /** Papua New Guinean Kina (PGK). */
  | 'PGK'
  /** Philippine Peso (PHP). */
  | 'PHP'
  /** Pakistani Rupee (PKR). */
  | 'PKR'
  /** Polish Zlotych (PLN). */
  | 'PLN'
  /** Paraguayan Guarani (PYG). */
  | 'PYG'
  /** Qatari Rial (QAR). */
  | 'QAR'
  /** Romanian Lei (RON). */
  | 'RON'
  /** Serbian dinar (RSD). */
  | 'RSD'
  /** Russian Rubles (RUB). */
  | 'RUB'
  /** Rwandan Franc (RWF). */
  | 'RWF'
  /** Saudi Riyal (SAR). */
  | 'SAR'
  /** Solomon Islands Dollar (SBD). */
  | 'SBD'
  /** Seychellois Rupee (SCR). */
  | 'SCR'
  /** Sudanese Pound (SDG). */
  | 'SDG'
  /** Swedish Kronor (SEK). */
  | 'SEK'
  /** Singapore Dollars (SGD). */
  | 'SGD'
  /** Saint Helena Pounds (SHP). */
  | 'SHP'
  /** Sierra Leonean Leone (SLL). */
  | 'SLL'
  /** Somali Shilling (SOS). */
  | 'SOS'
  /** Surinamese Dollar (SRD). */
  | 'SRD'
  /** South Sudanese Pound (SSP). */
  | 'SSP'
  /** Sao Tome And Principe Dobra (STD). */
  | 'STD'
  /** Sao Tome And Principe Dobra (STN). */
  | 'STN'
  /** Syrian Pound (SYP). */
  | 'SYP'
  /** Swazi Lilangeni (SZL). */
  | 'SZL'
  /** Thai baht (THB). */
  | 'THB'
  /** Tajikistani Somoni (TJS). */
  | 'TJS'
  /** Turkmenistani Manat (TMT). */
  | 'TMT'
  /** Tunisian Dinar (TND). */
  | 'TND'
  /** Tongan Pa'anga (TOP). */
  | 'TOP'
  /** Turkish Lira (TRY). */
  | 'TRY'
  /** Trinidad and Tobago Dollars (TTD). */
  | 'TTD'
  /** Taiwan Dollars (TWD). */
  | 'TWD'
  /** Tanzanian Shilling (TZS). */
  | 'TZS'
  /** Ukrainian Hryvnia (UAH). */
  | 'UAH'
  /** Ugandan Shilling (UGX). */
  | 'UGX'
  /** United States Dollars (USD). */
  | 'USD'
  /** United States Dollars Coin (USDC). */
  | 'USDC'
  /** Uruguayan Pesos (UYU). */
  | 'UYU'
  /** Uzbekistan som (UZS). */
  | 'UZS'
  /** Venezuelan Bolivares (VED). */
  | 'VED'
  /** Venezuelan Bolivares (VEF). */
  | 'VEF'
  /** Venezuelan Bolivares Soberanos (VES). */
  | 'VES'
  /** Vietnamese đồng (VND). */
  | 'VND'
  /** Vanuatu Vatu (VUV). */
  | 'VUV'
  /** Samoan Tala (WST). */
  | 'WST'
  /** Central African CFA Franc (XAF). */
  | 'XAF'
  /** East Caribbean Dollar (XCD). */
  | 'XCD'
  /** West African CFA franc (XOF). */
  | 'XOF'
  /** CFP Franc (XPF). */
  | 'XPF'
  /** Unrecognized currency. */
  | 'XXX'
  /** Yemeni Rial (YER). */
  | 'YER'
  /** South African Rand (ZAR). */
  | 'ZAR'
  /** Zambian Kwacha (ZMW). */
  | 'ZMW';

/** The input fields configuring the deposit requirement. */
export type DepositInput = {
  /** The percentage of the order total that should be paid as a deposit. Must be between 1 and 99, inclusive. */
  percentage: number;
};

/** The input fields for applying an order-level discount to a draft order. */
export type DraftOrderAppliedDiscountInput = {
  /**
   * The applied amount of the discount in your shop currency.
   * @deprecated Please use `amountWithCurrency` instead.
   */
  amount?: string | null | undefined;
  /** The applied amount of the discount in the specified currency. */
  amountWithCurrency?: MoneyInput | null | undefined;
  /** Reason for the discount. */
  description?: string | null | undefined;
  /** Title of the discount. */
  title?: string | null | undefined;
  /**
   * The value of the discount.
   * If the type of the discount is fixed amount, then this is a fixed amount in your shop currency.
   * If the type is percentage, then this is the percentage.
   */
  value: number;
  /** The type of discount. */
  valueType: DraftOrderAppliedDiscountType;
};

/** The valid discount types that can be applied to a draft order. */
export type DraftOrderAppliedDiscountType =
  /** A fixed amount in the store's currency. */
  | 'FIXED_AMOUNT'
  /** A percentage of the order subtotal. */
  | 'PERCENTAGE';

/** The input fields to specify the draft order to delete by its ID. */
export type DraftOrderDeleteInput = {
  /** The ID of the draft order to delete. */
  id: string;
};

/** The input fields used to create or update a draft order. */
export type DraftOrderInput = {
  /**
   * Whether or not to accept automatic discounts on the draft order during calculation.
   * If false, only discount codes and custom draft order discounts (see `appliedDiscount`) will be applied.
   * If true, eligible automatic discounts will be applied in addition to discount codes and custom draft order discounts.
   */
  acceptAutomaticDiscounts?: boolean | null | undefined;
  /** Whether discount codes are allowed during checkout of this draft order. */
  allowDiscountCodesInCheckout?: boolean | null | undefined;
  /**
   * The discount that will be applied to the draft order.
   * A draft order line item can have one discount. A draft order can also have one order-level discount.
   */
  appliedDiscount?: DraftOrderAppliedDiscountInput | null | undefined;
  /** The mailing address associated with the payment method. */
  billingAddress?: MailingAddressInput | null | undefined;
  /** The extra information added to the draft order on behalf of the customer. */
  customAttributes?: Array<AttributeInput> | null | undefined;
  /**
   * The customer associated with the draft order.
   * @deprecated Use `purchasingEntity` instead, which can be used for either a D2C or B2B customer.
   */
  customerId?: string | null | undefined;
  /** The input fields configuring the deposit requirement. */
  deposit?: DepositInput | null | undefined;
  /**
   * The list of discount codes that will be attempted to be applied to the draft order.
   * If the draft isn't eligible for any given discount code it will be skipped during calculation.
   */
  discountCodes?: Array<string> | null | undefined;
  /** The customer's email address. */
  email?: string | null | undefined;
  /**
   * The list of product variant or custom line item.
   * Each draft order must include at least one line item.
   * Accepts a maximum of 499 line items.
   *
   * NOTE: Draft orders don't currently support subscriptions.
   */
  lineItems?: Array<DraftOrderLineItemInput> | null | undefined;
  /**
   * The localization extensions attached to the draft order. For example, Tax IDs.
   * @deprecated This field will be removed in a future version. Use `localizedFields` instead.
   */
  localizationExtensions?: Array<LocalizationExtensionInput> | null | undefined;
  /** The localized fields attached to the draft order. For example, Tax IDs. */
  localizedFields?: Array<LocalizedFieldInput> | null | undefined;
  /**
   * The selected country code that determines the pricing of the draft order.
   * @deprecated This field is now incompatible with Markets.
   *
   */
  marketRegionCountryCode?: CountryCode | null | undefined;
  /** The list of metafields attached to the draft order. An existing metafield can not be used when creating a draft order. */
  metafields?: Array<MetafieldInput> | null | undefined;
  /** The text of an optional note that a shop owner can attach to the draft order. */
  note?: string | null | undefined;
  /** The fields used to create payment terms. */
  paymentTerms?: PaymentTermsInput | null | undefined;
  /** The customer's phone number. */
  phone?: string | null | undefined;
  /** The purchase order number. */
  poNumber?: string | null | undefined;
  /** The payment currency of the customer for this draft order. */
  presentmentCurrencyCode?: CurrencyCode | null | undefined;
  /** The purchasing entity for the draft order. */
  purchasingEntity?: PurchasingEntityInput | null | undefined;
  /** The time after which inventory reservation will expire. */
  reserveInventoryUntil?: string | null | undefined;
  /** The unique token identifying the draft order. */
  sessionToken?: string | null | undefined;
  /** The mailing address to where the order will be shipped. */
  shippingAddress?: MailingAddressInput | null | undefined;
  /** The shipping line object, which details the shipping method used. */
  shippingLine?: ShippingLineInput | null | undefined;
  /**
   * The source channel that the order is attributed to. Set this to the handle of
   * an order attribution definition configured for your sales channel app, such as
   * `youtube` or `channel:amazon-us`.
   * To set up order attribution for your app, follow the [order attribution
   * guide](https://shopify.dev/docs/apps/build/sales-channels/order-attribution).
   */
  sourceName?: string | null | undefined;
  /** A comma separated list of tags that have been added to the draft order. */
  tags?: Array<string> | null | undefined;
  /**
   * Whether or not taxes are exempt for the draft order.
   * If false, then Shopify will refer to the taxable field for each line item.
   * If a customer is applied to the draft order, then Shopify will use the customer's tax exempt field instead.
   */
  taxExempt?: boolean | null | undefined;
  /** Fingerprint to guarantee bundles are handled correctly. */
  transformerFingerprint?: string | null | undefined;
  /** Whether to use the customer's default address. */
  useCustomerDefaultAddress?: boolean | null | undefined;
  /** Whether the draft order will be visible to the customer on the self-serve portal. */
  visibleToCustomer?: boolean | null | undefined;
};

/** The input fields representing the components of a line item. */
export type DraftOrderLineItemComponentInput = {
  /** The quantity of the component. */
  quantity: number;
  /**
   * The UUID of the component. Must be unique and consistent across requests.
   * This field is mandatory in order to manipulate drafts with parent line items.
   */
  uuid?: string | null | undefined;
  /** The ID of the product variant corresponding to the component. */
  variantId?: string | null | undefined;
};

/** The input fields for a line item included in a draft order. */
export type DraftOrderLineItemInput = {
  /** The custom discount to be applied. */
  appliedDiscount?: DraftOrderAppliedDiscountInput | null | undefined;
  /**
   * The bundle components when the line item is a bundle.
   * @deprecated Use `components` instead.
   */
  bundleComponents?: Array<BundlesDraftOrderBundleLineItemComponentInput> | null | undefined;
  /** The components of the draft order line item. */
  components?: Array<DraftOrderLineItemComponentInput> | null | undefined;
  /** A generic custom attribute using a key value pair. */
  customAttributes?: Array<AttributeInput> | null | undefined;
  /**
   * If the line item doesn't already have a price override input, setting `generatePriceOverride` to `true` will
   * create a price override from the current price.
   */
  generatePriceOverride?: boolean | null | undefined;
  /**
   * The weight in grams for custom line items. This field is ignored when `variantId` is provided.
   * @deprecated `weight` should be used instead, allowing different units to be used.
   */
  grams?: number | null | undefined;
  /**
   * The custom line item price without any discounts applied in shop currency.
   * This field is ignored when `variantId` is provided.
   * @deprecated `originalUnitPriceWithCurrency` should be used instead, where currency can be specified.
   */
  originalUnitPrice?: string | null | undefined;
  /**
   * The price in presentment currency, without any discounts applied, for a custom line item.
   * If this value is provided, `original_unit_price` will be ignored. This field is ignored when `variantId` is provided.
   * Note: All presentment currencies for a single draft should be the same and match the
   * presentment currency of the draft order.
   */
  originalUnitPriceWithCurrency?: MoneyInput | null | undefined;
  /**
   * The price override for the line item. Should be set in presentment currency.
   *
   * This price will be used in place of the product variant's catalog price in this draft order.
   *
   * If the override's presentment currency doesn't match the draft order's presentment currency, it will be
   * converted over to match the draft order's presentment currency. This will occur if the input is defined in a
   * differing currency, or if some other event causes the draft order's currency to change.
   *
   * Price overrides can't be applied to bundle components. If this line item becomes part of a bundle the price
   * override will be removed. In the case of a cart transform, this may mean that a price override is applied to
   * this line item earlier in its lifecycle, and is removed later when the transform occurs.
   */
  priceOverride?: MoneyInput | null | undefined;
  /** The line item quantity. */
  quantity: number;
  /** Whether physical shipping is required for a custom line item. This field is ignored when `variantId` is provided. */
  requiresShipping?: boolean | null | undefined;
  /** The SKU number for custom line items only. This field is ignored when `variantId` is provided. */
  sku?: string | null | undefined;
  /** Whether the custom line item is taxable. This field is ignored when `variantId` is provided. */
  taxable?: boolean | null | undefined;
  /** Title of the line item. This field is ignored when `variantId` is provided. */
  title?: string | null | undefined;
  /**
   * The UUID of the draft order line item. Must be unique and consistent across requests.
   * This field is mandatory in order to manipulate drafts with bundles.
   */
  uuid?: string | null | undefined;
  /**
   * The ID of the product variant corresponding to the line item.
   * Must be null for custom line items, otherwise required.
   */
  variantId?: string | null | undefined;
  /**
   * The weight unit and value inputs for custom line items only.
   * This field is ignored when `variantId` is provided.
   */
  weight?: WeightInput | null | undefined;
};

/** The valid statuses for a draft order. */
export type DraftOrderStatus =
  /** The draft order has been paid. */
  | 'COMPLETED'
  /** An invoice for the draft order has been sent to the customer. */
  | 'INVOICE_SENT'
  /** The draft order is open. It has not been paid, and an invoice hasn't been sent. */
  | 'OPEN';

/** The input fields for an email. */
export type EmailInput = {
  /** Specifies any bcc recipients for the email. */
  bcc?: Array<string> | null | undefined;
  /** Specifies the email body. */
  body?: string | null | undefined;
  /** Specifies a custom message to include in the email. */
  customMessage?: string | null | undefined;
  /** Specifies the email sender. */
  from?: string | null | undefined;
  /** Specifies the email subject. */
  subject?: string | null | undefined;
  /** Specifies the email recipient. */
  to?: string | null | undefined;
};

/** The input fields for a LocalizationExtensionInput. */
export type LocalizationExtensionInput = {
  /** The key for the localization extension. */
  key: LocalizationExtensionKey;
  /** The localization extension value. */
  value: string;
};

/** The key of a localization extension. */
export type LocalizationExtensionKey =
  /** Extension key 'shipping_credential_br' for country BR. */
  | 'SHIPPING_CREDENTIAL_BR'
  /** Extension key 'shipping_credential_cl' for country CL. */
  | 'SHIPPING_CREDENTIAL_CL'
  /** Extension key 'shipping_credential_cn' for country CN. */
  | 'SHIPPING_CREDENTIAL_CN'
  /** Extension key 'shipping_credential_co' for country CO. */
  | 'SHIPPING_CREDENTIAL_CO'
  /** Extension key 'shipping_credential_cr' for country CR. */
  | 'SHIPPING_CREDENTIAL_CR'
  /** Extension key 'shipping_credential_ec' for country EC. */
  | 'SHIPPING_CREDENTIAL_EC'
  /** Extension key 'shipping_credential_es' for country ES. */
  | 'SHIPPING_CREDENTIAL_ES'
  /** Extension key 'shipping_credential_gt' for country GT. */
  | 'SHIPPING_CREDENTIAL_GT'
  /** Extension key 'shipping_credential_id' for country ID. */
  | 'SHIPPING_CREDENTIAL_ID'
  /** Extension key 'shipping_credential_kr' for country KR. */
  | 'SHIPPING_CREDENTIAL_KR'
  /** Extension key 'shipping_credential_mx' for country MX. */
  | 'SHIPPING_CREDENTIAL_MX'
  /** Extension key 'shipping_credential_my' for country MY. */
  | 'SHIPPING_CREDENTIAL_MY'
  /** Extension key 'shipping_credential_pe' for country PE. */
  | 'SHIPPING_CREDENTIAL_PE'
  /** Extension key 'shipping_credential_pt' for country PT. */
  | 'SHIPPING_CREDENTIAL_PT'
  /** Extension key 'shipping_credential_py' for country PY. */
  | 'SHIPPING_CREDENTIAL_PY'
  /** Extension key 'shipping_credential_tr' for country TR. */
  | 'SHIPPING_CREDENTIAL_TR'
  /** Extension key 'shipping_credential_tw' for country TW. */
  | 'SHIPPING_CREDENTIAL_TW'
  /** Extension key 'shipping_credential_type_co' for country CO. */
  | 'SHIPPING_CREDENTIAL_TYPE_CO'
  /** Extension key 'tax_credential_br' for country BR. */
  | 'TAX_CREDENTIAL_BR'
  /** Extension key 'tax_credential_cl' for country CL. */
  | 'TAX_CREDENTIAL_CL'
  /** Extension key 'tax_credential_co' for country CO. */
  | 'TAX_CREDENTIAL_CO'
  /** Extension key 'tax_credential_cr' for country CR. */
  | 'TAX_CREDENTIAL_CR'
  /** Extension key 'tax_credential_ec' for country EC. */
  | 'TAX_CREDENTIAL_EC'
  /** Extension key 'tax_credential_es' for country ES. */
  | 'TAX_CREDENTIAL_ES'
  /** Extension key 'tax_credential_gt' for country GT. */
  | 'TAX_CREDENTIAL_GT'
  /** Extension key 'tax_credential_id' for country ID. */
  | 'TAX_CREDENTIAL_ID'
  /** Extension key 'tax_credential_it' for country IT. */
  | 'TAX_CREDENTIAL_IT'
  /** Extension key 'tax_credential_mx' for country MX. */
  | 'TAX_CREDENTIAL_MX'
  /** Extension key 'tax_credential_my' for country MY. */
  | 'TAX_CREDENTIAL_MY'
  /** Extension key 'tax_credential_pe' for country PE. */
  | 'TAX_CREDENTIAL_PE'
  /** Extension key 'tax_credential_pt' for country PT. */
  | 'TAX_CREDENTIAL_PT'
  /** Extension key 'tax_credential_py' for country PY. */
  | 'TAX_CREDENTIAL_PY'
  /** Extension key 'tax_credential_tr' for country TR. */
  | 'TAX_CREDENTIAL_TR'
  /** Extension key 'tax_credential_type_co' for country CO. */
  | 'TAX_CREDENTIAL_TYPE_CO'
  /** Extension key 'tax_credential_type_mx' for country MX. */
  | 'TAX_CREDENTIAL_TYPE_MX'
  /** Extension key 'tax_credential_use_mx' for country MX. */
  | 'TAX_CREDENTIAL_USE_MX'
  /** Extension key 'tax_email_it' for country IT. */
  | 'TAX_EMAIL_IT';

/** The input fields for a LocalizedFieldInput. */
export type LocalizedFieldInput = {
  /** The key for the localized field. */
  key: LocalizedFieldKey;
  /** The localized field value. */
  value: string;
};

/** The key of a localized field. */
export type LocalizedFieldKey =
  /** Localized field key 'shipping_credential_br' for country Brazil. */
  | 'SHIPPING_CREDENTIAL_BR'
  /** Localized field key 'shipping_credential_cl' for country Chile. */
  | 'SHIPPING_CREDENTIAL_CL'
  /** Localized field key 'shipping_credential_cn' for country China. */
  | 'SHIPPING_CREDENTIAL_CN'
  /** Localized field key 'shipping_credential_co' for country Colombia. */
  | 'SHIPPING_CREDENTIAL_CO'
  /** Localized field key 'shipping_credential_cr' for country Costa Rica. */
  | 'SHIPPING_CREDENTIAL_CR'
  /** Localized field key 'shipping_credential_ec' for country Ecuador. */
  | 'SHIPPING_CREDENTIAL_EC'
  /** Localized field key 'shipping_credential_es' for country Spain. */
  | 'SHIPPING_CREDENTIAL_ES'
  /** Localized field key 'shipping_credential_gt' for country Guatemala. */
  | 'SHIPPING_CREDENTIAL_GT'
  /** Localized field key 'shipping_credential_id' for country Indonesia. */
  | 'SHIPPING_CREDENTIAL_ID'
  /** Localized field key 'shipping_credential_kr' for country South Korea. */
  | 'SHIPPING_CREDENTIAL_KR'
  /** Localized field key 'shipping_credential_mx' for country Mexico. */
  | 'SHIPPING_CREDENTIAL_MX'
  /** Localized field key 'shipping_credential_my' for country Malaysia. */
  | 'SHIPPING_CREDENTIAL_MY'
  /** Localized field key 'shipping_credential_pe' for country Peru. */
  | 'SHIPPING_CREDENTIAL_PE'
  /** Localized field key 'shipping_credential_pt' for country Portugal. */
  | 'SHIPPING_CREDENTIAL_PT'
  /** Localized field key 'shipping_credential_py' for country Paraguay. */
  | 'SHIPPING_CREDENTIAL_PY'
  /** Localized field key 'shipping_credential_tr' for country Turkey. */
  | 'SHIPPING_CREDENTIAL_TR'
  /** Localized field key 'shipping_credential_tw' for country Taiwan. */
  | 'SHIPPING_CREDENTIAL_TW'
  /** Localized field key 'shipping_credential_type_co' for country Colombia. */
  | 'SHIPPING_CREDENTIAL_TYPE_CO'
  /** Localized field key 'tax_credential_br' for country Brazil. */
  | 'TAX_CREDENTIAL_BR'
  /** Localized field key 'tax_credential_cl' for country Chile. */
  | 'TAX_CREDENTIAL_CL'
  /** Localized field key 'tax_credential_co' for country Colombia. */
  | 'TAX_CREDENTIAL_CO'
  /** Localized field key 'tax_credential_cr' for country Costa Rica. */
  | 'TAX_CREDENTIAL_CR'
  /** Localized field key 'tax_credential_ec' for country Ecuador. */
  | 'TAX_CREDENTIAL_EC'
  /** Localized field key 'tax_credential_es' for country Spain. */
  | 'TAX_CREDENTIAL_ES'
  /** Localized field key 'tax_credential_gt' for country Guatemala. */
  | 'TAX_CREDENTIAL_GT'
  /** Localized field key 'tax_credential_id' for country Indonesia. */
  | 'TAX_CREDENTIAL_ID'
  /** Localized field key 'tax_credential_it' for country Italy. */
  | 'TAX_CREDENTIAL_IT'
  /** Localized field key 'tax_credential_mx' for country Mexico. */
  | 'TAX_CREDENTIAL_MX'
  /** Localized field key 'tax_credential_my' for country Malaysia. */
  | 'TAX_CREDENTIAL_MY'
  /** Localized field key 'tax_credential_pe' for country Peru. */
  | 'TAX_CREDENTIAL_PE'
  /** Localized field key 'tax_credential_pt' for country Portugal. */
  | 'TAX_CREDENTIAL_PT'
  /** Localized field key 'tax_credential_py' for country Paraguay. */
  | 'TAX_CREDENTIAL_PY'
  /** Localized field key 'tax_credential_tr' for country Turkey. */
  | 'TAX_CREDENTIAL_TR'
  /** Localized field key 'tax_credential_type_co' for country Colombia. */
  | 'TAX_CREDENTIAL_TYPE_CO'
  /** Localized field key 'tax_credential_type_mx' for country Mexico. */
  | 'TAX_CREDENTIAL_TYPE_MX'
  /** Localized field key 'tax_credential_use_mx' for country Mexico. */
  | 'TAX_CREDENTIAL_USE_MX'
  /** Localized field key 'tax_email_it' for country Italy. */
  | 'TAX_EMAIL_IT';

/** The input fields to create or update a mailing address. */
export type MailingAddressInput = {
  /** The first line of the address. Typically the street address or PO Box number. */
  address1?: string | null | undefined;
  /** The second line of the address. Typically the number of the apartment, suite, or unit. */
  address2?: string | null | undefined;
  /** The name of the city, district, village, or town. */
  city?: string | null | undefined;
  /** The name of the customer's company or organization. */
  company?: string | null | undefined;
  /**
   * The name of the country.
   * @deprecated Use `countryCode` instead.
   */
  country?: string | null | undefined;
  /** The two-letter code for the country of the address. */
  countryCode?: CountryCode | null | undefined;
  /** The first name of the customer. */
  firstName?: string | null | undefined;
  /** @deprecated Not needed for 90% of mutations, and provided separately where it is needed. */
  id?: string | null | undefined;
  /** The last name of the customer. */
  lastName?: string | null | undefined;
  /**
   * A unique phone number for the customer.
   *
   * Formatted using E.164 standard. For example, _+16135551111_.
   */
  phone?: string | null | undefined;
  /**
   * The region of the address, such as the province, state, or district.
   * @deprecated Use `provinceCode` instead.
   */
  province?: string | null | undefined;
  /**
   * The code for the region of the address, such as the province, state, or district.
   * For example QC for Quebec, Canada.
   */
  provinceCode?: string | null | undefined;
  /** The zip or postal code of the address. */
  zip?: string | null | undefined;
};

/** The input fields that identify metafields. */
export type MetafieldIdentifierInput = {
  /** The key of the metafield. */
  key: string;
  /** The namespace of the metafield. */
  namespace: string;
  /** The unique ID of the resource that the metafield is attached to. */
  ownerId: string;
};

/**
 * The input fields to use to create or update a metafield through a mutation on the owning resource.
 * An alternative way to create or update a metafield is by using the
 * [metafieldsSet](https://shopify.dev/api/admin-graphql/latest/mutations/metafieldsSet) mutation.
 */
export type MetafieldInput = {
  /** The unique ID of the metafield. Using `namespace` and `key` is preferred for creating and updating. */
  id?: string | null | undefined;
  /**
   * The unique identifier for a metafield within its namespace.
   *
   * Required when creating a metafield, but optional when updating. Used to help identify the metafield when
   * updating, but can't be updated itself.
   *
   * Must be 2-64 characters long and can contain alphanumeric, hyphen, and underscore characters.
   */
  key?: string | null | undefined;
  /**
   * The container for a group of metafields that the metafield is or will be associated with. Used in tandem with
   * `key` to lookup a metafield on a resource, preventing conflicts with other metafields with the same `key`.
   *
   * Required when creating a metafield, but optional when updating. Used to help identify the metafield when
   * updating, but can't be updated itself.
   *
   * Must be 3-255 characters long and can contain alphanumeric, hyphen, and underscore characters.
   */
  namespace?: string | null | undefined;
  /**
   * The type of data that's stored in the metafield.
   * Refer to the list of [supported types](https://shopify.dev/apps/metafields/types).
   *
   * Required when creating or updating a metafield without a definition.
   */
  type?: string | null | undefined;
  /** The data stored in the metafield. Always stored as a string, regardless of the metafield's type. */
  value?: string | null | undefined;
};

/** The input fields for a metafield value to set. */
export type MetafieldsSetInput = {
  /**
   * The `compareDigest` value obtained from a previous query. Provide this with
   * updates to ensure the metafield is modified safely.
   */
  compareDigest?: string | null | undefined;
  /**
   * The unique identifier for a metafield within its namespace.
   *
   * Must be 2-64 characters long and can contain alphanumeric, hyphen, and underscore characters.
   */
  key: string;
  /**
   * The container for a group of metafields that the metafield is or will be associated with. Used in tandem
   * with `key` to lookup a metafield on a resource, preventing conflicts with other metafields with the
   * same `key`. If omitted the app-reserved namespace will be used.
   *
   * Must be 3-255 characters long and can contain alphanumeric, hyphen, and underscore characters.
   */
  namespace?: string | null | undefined;
  /** The unique ID of the resource that the metafield is attached to. */
  ownerId: string;
  /**
   * The type of data that's stored in the metafield.
   * The type must be one of the [supported types](https://shopify.dev/apps/metafields/types).
   *
   * Required when there's no corresponding definition for the given `namespace`, `key`, and
   * owner resource type (derived from `ownerId`).
   */
  type?: string | null | undefined;
  /** The data stored in the metafield. Always stored as a string, regardless of the metafield's type. */
  value: string;
};

/** Possible error codes that can be returned by `MetafieldsSetUserError`. */
export type MetafieldsSetUserErrorCode =
  /** ApiPermission metafields can only be created or updated by the app owner. */
  | 'APP_NOT_AUTHORIZED'
  /** The input value is blank. */
  | 'BLANK'
  /** The metafield violates a capability restriction. */
  | 'CAPABILITY_VIOLATION'
  /** The input value isn't included in the list. */
  | 'INCLUSION'
  /** An internal error occurred. */
  | 'INTERNAL_ERROR'
  /** The input value is invalid. */
  | 'INVALID'
  /** The compareDigest is invalid. */
  | 'INVALID_COMPARE_DIGEST'
  /** The type is invalid. */
  | 'INVALID_TYPE'
  /** The value is invalid for the metafield type or for the definition options. */
  | 'INVALID_VALUE'
  /** The input value should be less than or equal to the maximum value allowed. */
  | 'LESS_THAN_OR_EQUAL_TO'
  /** The input value needs to be blank. */
  | 'PRESENT'
  /** The metafield has been modified since it was loaded. */
  | 'STALE_OBJECT'
  /** The input value is already taken. */
  | 'TAKEN'
  /** The input value is too long. */
  | 'TOO_LONG'
  /** The input value is too short. */
  | 'TOO_SHORT';

/** The input fields for a monetary value with currency. */
export type MoneyInput = {
  /** Decimal money amount. */
  amount: string;
  /** Currency of the money. */
  currencyCode: CurrencyCode;
};

/** The input fields used to create a payment schedule for payment terms. */
export type PaymentScheduleInput = {
  /** Specifies the date and time when the payment schedule is due. This field must be provided for fixed type payment terms. */
  dueAt?: string | null | undefined;
  /** Specifies the date and time that the payment schedule was issued. This field must be provided for net type payment terms. */
  issuedAt?: string | null | undefined;
};

/** The input fields to create payment terms. Payment terms set the date that payment is due. */
export type PaymentTermsInput = {
  /** Specifies the payment schedules for the payment terms. */
  paymentSchedules?: Array<PaymentScheduleInput> | null | undefined;
  /**
   * Specifies the ID of the payment terms template.
   *         Payment terms templates provide preset configurations to create common payment terms.
   *         Refer to the
   *         [PaymentTermsTemplate](https://shopify.dev/api/admin-graphql/latest/objects/paymenttermstemplate)
   *         object for more details.
   */
  paymentTermsTemplateId?: string | null | undefined;
};

/** The input fields for a purchasing company, which is a combination of company, company contact, and company location. */
export type PurchasingCompanyInput = {
  /** ID of the company contact. */
  companyContactId: string;
  /** ID of the company. */
  companyId: string;
  /** ID of the company location. */
  companyLocationId: string;
};

/** The input fields for a purchasing entity. Can either be a customer or a purchasing company. */
export type PurchasingEntityInput = {
  /** Represents a customer. Null if there's a purchasing company. */
  customerId?: string | null | undefined;
  /** Represents a purchasing company. Null if there's a customer. */
  purchasingCompany?: PurchasingCompanyInput | null | undefined;
};

/**
 * The input fields for specifying the shipping details for the draft order.
 *
 * > Note:
 * > A custom shipping line includes a title and price with `shippingRateHandle`
 * set to `nil`. A shipping line with a carrier-provided shipping rate (currently
 * set via the Shopify admin) includes the shipping rate handle.
 */
export type ShippingLineInput = {
  /**
   * Price of the shipping rate in shop currency.
   * @deprecated `priceWithCurrency` should be used instead, where currencies can be specified.
   */
  price?: string | null | undefined;
  /** Price of the shipping rate with currency. If provided, `price` will be ignored. */
  priceWithCurrency?: MoneyInput | null | undefined;
  /** A unique identifier for the shipping rate. */
  shippingRateHandle?: string | null | undefined;
  /** Title of the shipping rate. */
  title?: string | null | undefined;
};

/** The input fields for the weight unit and value inputs. */
export type WeightInput = {
  /** Unit of measurement for `value`. */
  unit: WeightUnit;
  /** The weight value using the unit system specified with `weight_unit`. */
  value: number;
};

/** Units of measurement for weight. */
export type WeightUnit =
  /** Metric system unit of mass. */
  | 'GRAMS'
  /** 1 kilogram equals 1000 grams. */
  | 'KILOGRAMS'
  /** Imperial system unit of mass. */
  | 'OUNCES'
  /** 1 pound equals 16 ounces. */
  | 'POUNDS';

export type BulkOperationRunQueryMutationVariables = Exact<{
  query: string;
  groupObjects: boolean;
}>;


export type BulkOperationRunQueryMutation = { bulkOperationRunQuery: { bulkOperation: { id: string, status: BulkOperationStatus, createdAt: string } | null, userErrors: Array<{ code: BulkOperationUserErrorCode | null, field: Array<string> | null, message: string }> } | null };

export type BulkOperationFieldsFragment = { id: string, status: BulkOperationStatus, type: BulkOperationType, errorCode: BulkOperationErrorCode | null, createdAt: string, completedAt: string | null, objectCount: string, rootObjectCount: string, fileSize: string | null, url: string | null, partialDataUrl: string | null };

export type BulkOperationByIdQueryVariables = Exact<{
  id: string;
}>;


export type BulkOperationByIdQuery = { bulkOperation: { id: string, status: BulkOperationStatus, type: BulkOperationType, errorCode: BulkOperationErrorCode | null, createdAt: string, completedAt: string | null, objectCount: string, rootObjectCount: string, fileSize: string | null, url: string | null, partialDataUrl: string | null } | null };

export type CurrentBulkOperationQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentBulkOperationQuery = { currentBulkOperation: { id: string, status: BulkOperationStatus, type: BulkOperationType, errorCode: BulkOperationErrorCode | null, createdAt: string, completedAt: string | null, objectCount: string, rootObjectCount: string, fileSize: string | null, url: string | null, partialDataUrl: string | null } | null };

export type BulkOperationCancelMutationVariables = Exact<{
  id: string;
}>;


export type BulkOperationCancelMutation = { bulkOperationCancel: { bulkOperation: { id: string, status: BulkOperationStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderFieldsFragment = { id: string, name: string, status: DraftOrderStatus, tags: Array<string>, poNumber: string | null, invoiceUrl: string | null, totalQuantityOfLineItems: number, subtotalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, totalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, order: { id: string } | null };

export type DraftOrderCreateMutationVariables = Exact<{
  input: DraftOrderInput;
}>;


export type DraftOrderCreateMutation = { draftOrderCreate: { draftOrder: { id: string, name: string, status: DraftOrderStatus, tags: Array<string>, poNumber: string | null, invoiceUrl: string | null, totalQuantityOfLineItems: number, subtotalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, totalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, order: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderUpdateMutationVariables = Exact<{
  id: string;
  input: DraftOrderInput;
}>;


export type DraftOrderUpdateMutation = { draftOrderUpdate: { draftOrder: { id: string, name: string, status: DraftOrderStatus, tags: Array<string>, poNumber: string | null, invoiceUrl: string | null, totalQuantityOfLineItems: number, subtotalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, totalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, order: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderCompleteMutationVariables = Exact<{
  id: string;
  paymentPending?: boolean | null | undefined;
}>;


export type DraftOrderCompleteMutation = { draftOrderComplete: { draftOrder: { id: string, name: string, status: DraftOrderStatus, tags: Array<string>, poNumber: string | null, invoiceUrl: string | null, totalQuantityOfLineItems: number, subtotalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, totalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, order: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderInvoiceSendMutationVariables = Exact<{
  id: string;
  email?: EmailInput | null | undefined;
}>;


export type DraftOrderInvoiceSendMutation = { draftOrderInvoiceSend: { draftOrder: { id: string, invoiceSentAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderDeleteMutationVariables = Exact<{
  input: DraftOrderDeleteInput;
}>;


export type DraftOrderDeleteMutation = { draftOrderDelete: { deletedId: string | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrdersByTagQueryVariables = Exact<{
  query: string;
  first: number;
  after?: string | null | undefined;
}>;


export type DraftOrdersByTagQuery = { draftOrders: { nodes: Array<{ id: string, name: string, status: DraftOrderStatus, tags: Array<string>, poNumber: string | null, invoiceUrl: string | null, totalQuantityOfLineItems: number, subtotalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, totalPriceSet: { shopMoney: { amount: string, currencyCode: CurrencyCode } }, order: { id: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MetafieldsSetMutationVariables = Exact<{
  metafields: Array<MetafieldsSetInput> | MetafieldsSetInput;
}>;


export type MetafieldsSetMutation = { metafieldsSet: { metafields: Array<{ id: string, namespace: string, key: string, compareDigest: string, owner:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | Record<PropertyKey, never>
       }> | null, userErrors: Array<{ code: MetafieldsSetUserErrorCode | null, elementIndex: number | null, field: Array<string> | null, message: string }> } | null };

export type MetafieldsDeleteMutationVariables = Exact<{
  metafields: Array<MetafieldIdentifierInput> | MetafieldIdentifierInput;
}>;


export type MetafieldsDeleteMutation = { metafieldsDelete: { deletedMetafields: Array<{ ownerId: string, namespace: string, key: string } | null> | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type ShopIdentityQueryVariables = Exact<{ [key: string]: never; }>;


export type ShopIdentityQuery = { shop: { id: string, myshopifyDomain: string, currencyCode: CurrencyCode, plan: { partnerDevelopment: boolean, shopifyPlus: boolean } } };
