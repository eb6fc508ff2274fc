package org.liandong.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Password hashing")
class PasswordsTest {

  @Test
  @DisplayName("is Argon2id in PHC format, salted, and verifies only the right password, exactly as typed")
  void argon2id() {
    var a = Passwords.hashNow("correct horse");
    var b = Passwords.hashNow("correct horse");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(a).isNotEqualTo(b);
    assertThat(Passwords.verifyNow("correct horse", a)).isTrue();
    assertThat(Passwords.verifyNow("correct horse!", a)).isFalse();
    assertThat(Passwords.verifyNow("correct horse ", a)).isFalse();
    assertThat(Passwords.verifyNow("correct horse", null)).isFalse();
    assertThat(Passwords.verifyNow("correct horse", "$2a$10$notargon")).isFalse();
  }

  @Test
  @DisplayName("stores session tokens only as digests, and derives the CSRF token so the store never holds it")
  void tokens() {
    var token = Passwords.randomToken();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(Passwords.tokenHash(token)).isNotEqualTo(token).isEqualTo(Passwords.tokenHash(token));
    assertThat(Passwords.csrf(token)).isNotEqualTo(Passwords.tokenHash(token)).isEqualTo(Passwords.csrf(token))
        .isNotEqualTo(Passwords.csrf(Passwords.randomToken()));
  }
}
