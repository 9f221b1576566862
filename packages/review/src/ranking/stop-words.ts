/**
 * English function words left out of the features (the common "glasgow"/scikit-learn style list, trimmed to words
 * that carry no topic). Domain words such as "patients" or "study" stay: the model learns whether they matter.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although am among an and another any are around as at be because
  been before being below between both but by can cannot could did do does doing done down during each either else
  enough etc even ever every few for from further had has have having he her here hers herself him himself his how
  however i if in into is it its itself just least less many may me might more most much must my myself neither no nor
  not now of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps
  rather same several she should since so some such than that the their theirs them themselves then there thereby
  therefore these they this those though through throughout thus to too toward towards under until up upon us very
  via was we well were what whatever when whence where whereas whether which while who whom whose why will with within
  without would yet you your yours yourself yourselves`.split(/\s+/).filter(Boolean),
);
