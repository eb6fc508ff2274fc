package org.liandong.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.support.Failure;
import org.liandong.support.Patch;

@DisplayName("Odd but possible values are asked about once, on the server's day")
class PlausibleTest {
  private static final LocalDate TODAY = LocalDate.of(2023, 6, 27);

  @Test
  @DisplayName("each odd value by its field; ordinary ones pass; the bounds themselves pass")
  void oddValues() {
    var odd = Plausible.odd(Patch.of(Map.of("dueOn", LocalDate.of(2023, 6, 26), "signedOn", LocalDate.of(2033, 6, 28),
        "targetStartOn", LocalDate.of(2043, 6, 28), "investmentYi", 1000.01, "landMu", 100_001.0)), TODAY);
    assertThat(odd.keySet()).containsExactly("dueOn", "signedOn", "targetStartOn", "investmentYi", "landMu");
    assertThat(odd.get("investmentYi").zh()).contains("1000.01");
    assertThat(Plausible.odd(Patch.of(Map.of("dueOn", TODAY, "signedOn", LocalDate.of(2033, 6, 27),
        "targetCompleteOn", LocalDate.of(2043, 6, 27), "investmentYi", 1000.0, "landMu", 100_000.0)), TODAY)).isEmpty();
  }

  @Test
  @DisplayName("refused with 422 unconfirmed until confirmed; confirmed is taken out of the change either way")
  void confirmed() {
    var change = Patch.of(Map.of("investmentYi", 5000.0));
    assertThatThrownBy(() -> Plausible.check(change, TODAY)).isInstanceOfSatisfying(Failure.Invalid.class, f -> {
      assertThat(f.status()).isEqualTo(422);
      assertThat(f.code()).isEqualTo("unconfirmed");
      assertThat(f.fields()).containsOnlyKeys("investmentYi");
    });
    var sure = Patch.of(Map.of("investmentYi", 5000.0, "confirmed", true));
    Plausible.check(sure, TODAY);
    assertThat(sure.has("confirmed")).isFalse();
    assertThat(sure.number("investmentYi")).isEqualTo(5000.0);
  }
}
