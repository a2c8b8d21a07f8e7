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

    public String text() {
        return find(By.id("recovery-status")).getText();
    }
}
