package dev.twostep.it.bench;

import dev.twostep.it.support.AuthenticatorApp;

/** A benchmark seller with 2SV imported ready: a phone and the app, one of them primary. */
record BenchUser(String username, String phone, String appSecret, Primary primary) {
    enum Primary { APP, SMS }

    String appCode() {
        return AuthenticatorApp.ofStoredSecret(appSecret).currentCode();
    }
}
