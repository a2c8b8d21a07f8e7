package dev.twostep.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every page exists in English and Italian: same keys, valid patterns, and every key a template uses. */
class MessageBundlesTest {
    private static final String BUNDLES = "/theme-resources/messages/messages_%s.properties";

    @Test
    void englishAndItalianHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("en").stringPropertyNames()), new TreeSet<>(load("it").stringPropertyNames()));
    }

    @Test
    void everyTextIsAValidMessageFormatWithTheSameArguments() throws IOException {
        Properties en = load("en");
        Properties it = load("it");
        for (String key : en.stringPropertyNames()) {
            Object[] args = {"A", "B", "C"};
            String english = new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(args);
            String italian = new MessageFormat(it.getProperty(key), Locale.ITALIAN).format(args);
            for (String arg : new String[] {"{0}", "{1}", "{2}"}) {
                assertEquals(en.getProperty(key).contains(arg), it.getProperty(key).contains(arg), key + " " + arg);
            }
            // A lone apostrophe swallows text in MessageFormat; a pattern must not lose its letters.
            assertFalse(english.contains("{"), key);
            assertFalse(italian.contains("{"), key);
        }
        assertTrue(new MessageFormat(en.getProperty("twoStepTrustDevice")).format(new Object[0])
                .equals("Don't require codes on this device"));
    }

    @Test
    void everyKeyUsedByATemplateExists() throws IOException {
        Properties en = load("en");
        Pattern used = Pattern.compile("msg\\(\"(twoStep[A-Za-z]+)\"");
        Path templates = Path.of("src/main/resources/theme-resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = used.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertTrue(en.containsKey(matcher.group(1)), file.getFileName() + " uses " + matcher.group(1));
                }
            }
        }
    }

    @Test
    void everyRequiredActionOfOursHasTheNameKeycloaksPagesShow() throws IOException {
        // Keycloak's info page and execute-actions e-mail print msg("requiredAction." + alias).
        Matcher alias = Pattern.compile("\"alias\"\\s*:\\s*\"(two-step-[a-z-]+)\"")
                .matcher(Files.readString(Path.of("../realm-config/seller-realm.json")));
        Properties en = load("en");
        Properties it = load("it");
        int found = 0;
        while (alias.find()) {
            String key = "requiredAction." + alias.group(1);
            assertTrue(en.containsKey(key) && it.containsKey(key), key);
            found++;
        }
        assertTrue(found >= 2, "the realm's required actions were read");
    }

    @Test
    void noItalianApostropheIsLost() throws IOException {
        Properties it = load("it");
        for (String key : it.stringPropertyNames()) {
            // MessageFormat drops a lone apostrophe even where no argument follows: each must be doubled.
            assertFalse(it.getProperty(key).replace("''", "").contains("'"), key);
        }
    }

    private static Properties load(String locale) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(String.format(BUNDLES, locale))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
