import { z } from 'zod';

// A BCP 47 language tag (en, en-GB, pt-BR, zh-Hant-TW), canonicalised: `Intl` is the validator. The
// language subtag must be an ISO 639 code (2-3 letters): BCP 47's 5-8 letter form would let "english" pass.
// One schema for PUBLICATION_LANGUAGE and an article's language, so both read and store alike.
export const languageTag = z.string().transform((value, ctx) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical && /^[a-z]{2,3}$/.test(new Intl.Locale(canonical).language)) return canonical;
  } catch {
    // Reported below.
  }
  ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag, e.g. en, en-GB, de, pt-BR' });
  return z.NEVER;
});
