package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Two-Step Verification was set up elsewhere": an enrollment overtaken by another browser's. */
public final class SetUpElsewherePage extends Page {
    public SetUpElsewherePage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-stale.ftl");
    }

    public String text() {
        return find(By.id("two-step-enroll-stale")).getText();
    }

    public void signInAgain() {
        click(By.id("sign-in-again"));
    }
}
