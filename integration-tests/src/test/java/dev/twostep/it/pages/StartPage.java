package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * "Two-Step Verification is a requirement" with "Enable Two-Step Verification", or, when the app opened the
 * settings, "Advanced Security Settings" with "Get Started": the first page of a seller without 2SV.
 */
public final class StartPage extends Page {
    static final String TEMPLATE = "two-step-enroll-start.ftl";

    public StartPage(WebDriver driver) {
        super(driver);
        awaitTemplate(TEMPLATE);
    }

    /** What the page says before its button. */
    public String text() {
        return find(By.id("two-step-start")).getText();
    }

    /** The button's label: "Enable Two-Step Verification" or "Get Started". */
    public String buttonLabel() {
        return find(By.id("start")).getText();
    }

    public void enable() {
        submit(By.id("start"));
    }
}
