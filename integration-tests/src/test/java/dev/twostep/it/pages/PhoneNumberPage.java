package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** "Phone number": Text message (SMS) or Voice delivery, country code, number, Send code / Call me now. */
public final class PhoneNumberPage extends Page {
    public PhoneNumberPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-phone.ftl");
    }

    public PhoneNumberPage textMessage() {
        click(By.id("channel-sms"));
        return this;
    }

    public PhoneNumberPage voiceDelivery() {
        click(By.id("channel-voice"));
        return this;
    }

    public PhoneNumberPage country(String region) {
        new Select(find(By.id("country"))).selectByValue(region);
        return this;
    }

    /** Sends {@code region} as the country whether or not the picker offers it, as a tampered form would. */
    public PhoneNumberPage countryForged(String region) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var o = document.createElement('option'); o.value = arguments[0]; o.text = arguments[0];"
                        + "document.getElementById('country').appendChild(o);", region);
        return country(region);
    }

    /** The regions the country picker offers. */
    public java.util.List<String> countriesOffered() {
        return new Select(find(By.id("country"))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    public PhoneNumberPage number(String number) {
        type(By.id("number"), number);
        return this;
    }

    public PhoneNumberPage skipVerificationCheck() {
        click(By.id("skipVerification"));
        return this;
    }

    public String sendButtonLabel() {
        return find(By.id("send")).getText().trim();
    }

    /** Clicks the button, whatever it is labelled now: Send code, Call me now or Save backup number. */
    public void send() {
        submit(By.id("send"));
    }
}
