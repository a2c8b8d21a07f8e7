package dev.twostep.core.code;

import java.security.SecureRandom;

/** Makes numeric one-time codes from a CSPRNG; every digit is uniform, leading zeros included. */
public final class CodeGenerator {
    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public CodeGenerator() {
        this(new SecureRandom());
    }

    public String next(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }
}
