package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The status of the seller's recovery request: pending, approved, or rejected with the reason. */
public final class RecoveryStatusPage extends Page {
    public RecoveryStatusPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-recovery-status.ftl");
    }

    public String status() {
        return find(By.id("recovery-status")).getAttribute("data-status");
    }

    /** For an approval: whether this is the browser that sent the request (the only one that may go on). */
    public boolean sentFromThisBrowser() {
        return Boolean.parseBoolean(find(By.id("recovery-status")).getAttribute("data-this-browser"));
    }

    public String text() {
        return find(By.id("recovery-status")).getText();
    }

    public boolean offersNewRequest() {
        return !driver.findElements(By.id("new-request")).isEmpty();
    }

    public void newRequest() {
        submit(By.id("new-request"));
    }

    public void back() {
        submit(By.id("back"));
    }

    /** After an approval, in the browser that asked for it: on to set 2SV up again. */
    public void continueToSetUp() {
        submit(By.id("continue"));
    }
}
