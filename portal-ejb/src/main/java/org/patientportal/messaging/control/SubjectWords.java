package org.patientportal.messaging.control;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a subject as the blind index knows them, and the words of a search the same way, so
 * that "Medicación" finds "medicacion": Unicode compatibility decomposition (NFKD), combining marks
 * dropped (accents, Arabic and Hebrew vowel points), lower case in the root locale, then split at
 * everything that is not a letter or a digit (spaces, punctuation, emoji). Words shorter than
 * {@link #MIN_LENGTH} code points are dropped (articles and prepositions: "de", "la", "el" say
 * little and would be the most frequent tokens), as are repeats; at most {@link #MAX_WORDS} words
 * of a subject are kept. Pure and stateless: tested without a server.
 */
public final class SubjectWords {

  /** The shortest word indexed and searched, in code points. */
  public static final int MIN_LENGTH = 3;

  /** At most this many distinct words of one subject are indexed (a subject holds 150 chars). */
  public static final int MAX_WORDS = 40;

  /** The longest word kept, in code points (longer ones are cut: the HMAC sees the prefix). */
  static final int MAX_LENGTH = 64;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SubjectWords() {}

  /** The distinct normalised words of {@code text}, in the order they first appear. */
  public static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null || text.isEmpty()) {
      return words;
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    // lower case after stripping marks, then compose again: "İ" lowers to "i" plus a mark
    String lower = MARKS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    for (String word : SEPARATORS.split(lower)) {
      int length = word.codePointCount(0, word.length());
      if (length < MIN_LENGTH) {
        continue;
      }
      if (length > MAX_LENGTH) {
        word = word.substring(0, word.offsetByCodePoints(0, MAX_LENGTH));
      }
      words.add(Normalizer.normalize(word, Normalizer.Form.NFC));
      if (words.size() == MAX_WORDS) {
        break;
      }
    }
    return words;
  }
}
