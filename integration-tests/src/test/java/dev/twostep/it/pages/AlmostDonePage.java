package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Almost done": Don't require codes on this device, Got it. Turn on 2-Step Verification. */
public final class AlmostDonePage extends Page {
    public AlmostDonePage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-done.ftl");
    }

    public String summary() {
        return find(By.id("two-step-summary")).getText();
    }

    public AlmostDonePage dontRequireCodesOnThisDevice() {
        click(By.id("trustDevice"));
        return this;
    }

    public void turnOn() {
        submit(By.id("finish"));
    }

    /** "Back": to choose the backup again. */
    public ChooseMethodPage back() {
        submit(By.id("back"));
        return new ChooseMethodPage(driver);
    }
}
