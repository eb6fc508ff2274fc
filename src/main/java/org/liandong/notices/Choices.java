package org.liandong.notices;

import java.util.List;

/**
 * A person's choices of what reaches them: the kinds muted, those not wanted by e-mail or by SMS,
 * their quiet hours for text messages ("HH:mm", domain.QuietHours), and whether the daily digest
 * comes by e-mail (reach.Digests). In a change, what is null stays as it was.
 */
record Choices(List<String> muted, List<String> notByEmail, List<String> notBySms, String quietFrom, String quietUntil, Boolean digest) {}
