package dev.twostep.recovery.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void aFileIsNamedByItsOwnNameWhenTheBrowserSaidIt() {
        List<String> names = FileNames.of("passport.pdf/scan 2.heic");
        assertEquals("scan 2.heic", FileNames.label(names, 1, 2));
        assertEquals("passport.pdf", FileNames.label(names, 0, 1));
    }

    @Test
    void withoutANameItIsItsNumber() {
        assertEquals("3", FileNames.label(FileNames.of(null), 2, 3));
        assertEquals("2", FileNames.label(FileNames.of("a.pdf"), 1, 2), "more parts than names");
        assertEquals("1", FileNames.label(FileNames.of("/b.pdf"), 0, 1), "an empty name");
    }

    @Test
    void namesAreShortAndPrintable() {
        String shown = FileNames.label(FileNames.of("x".repeat(500) + "\u0007.pdf"), 0, 1);
        assertEquals(FileNames.MAX_SHOWN, shown.length());
        assertTrue(shown.chars().noneMatch(Character::isISOControl), shown);
        assertEquals("evil.pdf", FileNames.label(FileNames.of("evil\r\n.pdf"), 0, 1));
    }
}
