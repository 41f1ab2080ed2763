// Les packs de langue d'HyperFormula n'exposent leurs types qu'en résolution « node16 ».
declare module 'hyperformula/commonjs/i18n/languages/frFR' {
  import type { RawTranslationPackage } from 'hyperformula';
  const pack: RawTranslationPackage;
  export default pack;
}
declare module 'hyperformula/commonjs/i18n/languages/enUS' {
  import type { RawTranslationPackage } from 'hyperformula';
  const pack: RawTranslationPackage;
  export default pack;
}
