package org.patientportal.consent.control;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.patientportal.consent.entity.SensitiveTopic;

/**
 * Suggests the sensitive topics a text touches, from a list of words and phrases in English and
 * Spanish. Case and accents are ignored ("PSICOTERAPIA", "psicoterapía" and "psicoterapia" are one
 * word); a keyword matches whole words only ("hiv" in "HIV-positive", not in "archive"). A
 * suggestion only: the author decides which flags the message carries.
 */
public final class TopicKeywords {

  private static final Map<SensitiveTopic, List<String>> KEYWORDS =
      new EnumMap<>(SensitiveTopic.class);

  static {
    KEYWORDS.put(
        SensitiveTopic.HIV,
        List.of(
            "hiv",
            "aids",
            "vih",
            "sida",
            "antiretroviral",
            "antiretrovirales",
            "antirretroviral",
            "antirretrovirales",
            "viral load",
            "carga viral",
            "cd4"));
    KEYWORDS.put(
        SensitiveTopic.SUBSTANCE_USE,
        List.of(
            "substance use",
            "substance abuse",
            "alcohol",
            "alcoholism",
            "alcoholic",
            "drug use",
            "drug abuse",
            "opioid",
            "opioids",
            "heroin",
            "cocaine",
            "methadone",
            "suboxone",
            "buprenorphine",
            "naloxone",
            "overdose",
            "addiction",
            "addicted",
            "rehab",
            "alcoholismo",
            "alcoholico",
            "alcoholica",
            "drogas",
            "droga",
            "consumo de drogas",
            "abuso de sustancias",
            "consumo de sustancias",
            "opioides",
            "opiaceos",
            "heroina",
            "cocaina",
            "metadona",
            "buprenorfina",
            "naloxona",
            "sobredosis",
            "adiccion",
            "adicciones",
            "adicto",
            "adicta",
            "desintoxicacion"));
    KEYWORDS.put(
        SensitiveTopic.STD,
        List.of(
            "std",
            "stds",
            "sti",
            "stis",
            "sexually transmitted",
            "chlamydia",
            "gonorrhea",
            "syphilis",
            "herpes",
            "hpv",
            "genital warts",
            "trichomoniasis",
            "ets",
            "transmision sexual",
            "clamidia",
            "gonorrea",
            "sifilis",
            "vph",
            "verrugas genitales",
            "tricomoniasis"));
    KEYWORDS.put(
        SensitiveTopic.SEXUAL_ASSAULT,
        List.of(
            "sexual assault",
            "sexually assaulted",
            "rape",
            "raped",
            "sexual abuse",
            "sexually abused",
            "molested",
            "agresion sexual",
            "asalto sexual",
            "violacion",
            "violada",
            "violado",
            "abuso sexual",
            "abusada sexualmente",
            "abusado sexualmente"));
    KEYWORDS.put(
        SensitiveTopic.ABORTION,
        List.of(
            "abortion",
            "abortions",
            "termination of pregnancy",
            "pregnancy termination",
            "miscarriage",
            "aborto",
            "abortos",
            "interrupcion del embarazo",
            "interrupcion voluntaria del embarazo"));
    KEYWORDS.put(
        SensitiveTopic.DOMESTIC_VIOLENCE,
        List.of(
            "domestic violence",
            "domestic abuse",
            "intimate partner violence",
            "partner abuse",
            "abusive partner",
            "battered",
            "violencia domestica",
            "violencia de genero",
            "violencia intrafamiliar",
            "maltrato",
            "malos tratos",
            "pareja violenta"));
    KEYWORDS.put(
        SensitiveTopic.PSYCHOTHERAPY,
        List.of(
            "psychotherapy",
            "psychotherapist",
            "therapy session",
            "therapy sessions",
            "counseling",
            "counselling",
            "psychiatrist",
            "psychologist",
            "psicoterapia",
            "psicoterapeuta",
            "sesion de terapia",
            "sesiones de terapia",
            "psiquiatra",
            "psicologo",
            "psicologa",
            "terapia psicologica"));
  }

  private static final Map<SensitiveTopic, Pattern> PATTERNS = new EnumMap<>(SensitiveTopic.class);

  static {
    KEYWORDS.forEach(
        (topic, words) ->
            PATTERNS.put(
                topic,
                Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(?:"
                        + words.stream()
                            .map(TopicKeywords::normalized)
                            .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                            .collect(Collectors.joining("|"))
                        + ")(?![\\p{L}\\p{N}])")));
  }

  private TopicKeywords() {}

  /** The topics {@code text} seems to touch, in topic order (none for null or blank text). */
  public static Set<SensitiveTopic> suggest(String text) {
    Set<SensitiveTopic> found = EnumSet.noneOf(SensitiveTopic.class);
    if (text == null || text.isBlank()) {
      return found;
    }
    String plain = normalized(text);
    PATTERNS.forEach(
        (topic, pattern) -> {
          if (pattern.matcher(plain).find()) {
            found.add(topic);
          }
        });
    return found;
  }

  /** The keywords of a topic, as listed (for documentation and tests). */
  public static List<String> keywords(SensitiveTopic topic) {
    return KEYWORDS.get(topic);
  }

  /** Lower case without accents: "Violación" → "violacion" (ñ stays n, ü stays u). */
  static String normalized(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }
}
