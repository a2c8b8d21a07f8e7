package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** What account recovery is, with "Start account recovery" at sign-in. */
public final class RecoveryInfoPage extends Page {
    public RecoveryInfoPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-recovery-info.ftl");
    }

    public boolean offersToStart() {
        return !driver.findElements(By.id("start-recovery")).isEmpty();
    }

    public void start() {
        submit(By.id("start-recovery"));
    }
}
