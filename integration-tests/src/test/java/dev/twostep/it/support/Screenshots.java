package dev.twostep.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Keeps pictures of the pages a test walks, for the README and for looking at a failure. */
public final class Screenshots {
    private static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static void save(WebDriver driver, String name) {
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not written", e);
        }
    }
}
