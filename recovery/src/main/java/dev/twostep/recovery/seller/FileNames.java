package dev.twostep.recovery.seller;

import java.util.Arrays;
import java.util.List;

/**
 * The names of the files a seller attached, as their own browser reported them (the upload page's script;
 * none without it), so that a refusal names "passport.heic" rather than "file 2". A name is only ever shown
 * back to the seller who sent it, as text, shortened and without control characters.
 */
final class FileNames {
    /** Longest name shown; the rest of a longer one is cut. */
    static final int MAX_SHOWN = 60;

    private FileNames() {
    }

    /** The names in the order of the form's file parts, from the field's {@code /}-separated value. */
    static List<String> of(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        // "/" is the one character no file name can hold, on any system.
        return Arrays.stream(field.split("/", -1)).map(FileNames::clean).toList();
    }

    /** The name of the file at {@code index}, or its number among the files sent when its name is unknown. */
    static String label(List<String> names, int index, int number) {
        if (index >= 0 && index < names.size() && !names.get(index).isEmpty()) {
            return names.get(index);
        }
        return Integer.toString(number);
    }

    private static String clean(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "").strip();
        return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN - 1) + "\u2026";
    }
}
