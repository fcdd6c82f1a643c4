package io.lightsout.appliance.security;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.security.vault.Vault;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts: first-boot setup, login with lockout, password changes (the admin's re-keys the vault), operator
 * accounts. Wrong user and wrong password are indistinguishable to the caller.
 */
public final class AccountService {
    /** The exact answer to a wrong user name or password (OMIMSSC security guide wording). */
    public static final String BAD_LOGIN = "User Name or Password is incorrect";

    private final Jdbc jdbc;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionStore sessions;
    private final Vault vault;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    /** One lock per existing account: parallel guesses are counted one by one, so they cannot outrun the lockout. */
    private final java.util.Map<String, Object> attemptLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int UNKNOWN_USERS_TRACKED = 10_000;
    private final java.util.Map<String, UnknownUser> unknownFailures = new java.util.HashMap<>();

    public AccountService(Jdbc jdbc, PasswordHasher hasher, SessionStore sessions, Vault vault, AuditLog audit,
                          Clock clock, int maxFailures, Duration lockout) {
        this.jdbc = jdbc;
        this.users = new UserRepository(jdbc);
        this.hasher = hasher;
        this.policy = new PasswordPolicy();
        this.sessions = sessions;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public boolean setupRequired() {
        return users.setupRequired();
    }

    /** Sets the admin and readonly passwords at first boot; refused (409) once they are set. */
    public synchronized void setup(String adminPassword, String readonlyPassword, String source) {
        if (!setupRequired()) {
            audit.failure(null, "setup", "appliance", "already set up", source);
            throw new ApplianceException.Conflict("The appliance is already set up; log in as admin to change "
                    + "passwords");
        }
        List<FieldError> errors = new ArrayList<>();
        policy.check("admin", adminPassword).ifPresent(m -> errors.add(new FieldError("adminPassword", m)));
        policy.check("readonly", readonlyPassword).ifPresent(m -> errors.add(new FieldError("readonlyPassword", m)));
        if (errors.isEmpty() && adminPassword.equals(readonlyPassword)) {
            errors.add(new FieldError("readonlyPassword", "The readonly password must differ from the admin password."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The passwords do not meet the password policy", errors);
        }
        String adminHash = hasher.hash(adminPassword);
        String readonlyHash = hasher.hash(readonlyPassword);
        jdbc.transaction(tx -> {
            users.setPassword(tx, "admin", adminHash);
            users.setPassword(tx, "readonly", readonlyHash);
            audit.record(tx, null, "setup", "appliance", "success", "admin and readonly passwords set", source);
            return null;
        });
    }

    /** Checks the password and opens a session; counts failures and locks the account after too many. */
    public Session login(String username, String password, String source) {
        if (username == null || password == null) {
            throw new ApplianceException.Unauthenticated(BAD_LOGIN);
        }
        if (users.find(username).isEmpty()) {
            hasher.burn(password);
            audit.failure(username, "login", username, "unknown user", source);
            unknownUserFailure(username);
            throw new ApplianceException.Unauthenticated(BAD_LOGIN);
        }
        synchronized (attemptLocks.computeIfAbsent(username, k -> new Object())) {
            return attempt(username, password, source);
        }
    }

    /**
     * An unknown user name is "locked" exactly like a real account after the same number of failures, so the 423
     * answer does not tell which user names exist. Kept in memory and bounded: when full it starts afresh.
     */
    private void unknownUserFailure(String username) {
        Instant now = clock.instant();
        synchronized (unknownFailures) {
            if (unknownFailures.size() >= UNKNOWN_USERS_TRACKED && !unknownFailures.containsKey(username)) {
                unknownFailures.clear();
            }
            UnknownUser before = unknownFailures.get(username);
            if (before != null && before.lockedUntil().isAfter(now)) {
                long seconds = Math.max(1, Duration.between(now, before.lockedUntil()).toSeconds());
                throw new ApplianceException.Locked("The account is locked after repeated failed logins; try again in "
                        + seconds + " seconds");
            }
            int failures = (before == null ? 0 : before.failures()) + 1;
            unknownFailures.put(username, failures >= maxFailures ? new UnknownUser(0, now.plus(lockout))
                    : new UnknownUser(failures, Instant.EPOCH));
        }
    }

    private record UnknownUser(int failures, Instant lockedUntil) {
    }

    private Session attempt(String username, String password, String source) {
        User user = users.find(username).orElseThrow(() -> new ApplianceException.Unauthenticated(BAD_LOGIN));
        Instant now = clock.instant();
        if (user.lockedUntil().isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, user.lockedUntil()).toSeconds());
            audit.failure(username, "login", username, "account locked", source);
            throw new ApplianceException.Locked("The account is locked after repeated failed logins; try again in "
                    + seconds + " seconds");
        }
        if (user.passwordHash() == null) {
            hasher.burn(password);
            audit.failure(username, "login", username, "setup not done", source);
            throw new ApplianceException.Conflict("The appliance is not set up yet: set the admin and readonly "
                    + "passwords first (bin/lightsout setup, or the setup page)");
        }
        if (!hasher.verify(password, user.passwordHash())) {
            int failures = user.failedLogins() + 1;
            if (failures >= maxFailures) {
                users.recordFailure(username, 0, now.plus(lockout));
                audit.failure(username, "login", username, "wrong password", source);
                audit.failure(username, "account.locked", username, failures + " consecutive failed logins; locked for "
                        + lockout.toSeconds() + " seconds", source);
            } else {
                users.recordFailure(username, failures, Instant.EPOCH);
                audit.failure(username, "login", username, "wrong password", source);
            }
            throw new ApplianceException.Unauthenticated(BAD_LOGIN);
        }
        Session s = sessions.open(user.username(), user.role());
        users.recordLogin(username, now);
        audit.success(username, "login", username, null, source);
        return s;
    }

    public void logout(Caller caller, String source) {
        sessions.close(caller.sessionId());
        audit.success(caller.username(), "logout", caller.username(), null, source);
    }

    public List<User> list() {
        return users.all();
    }

    /** Creates an operator account (admin only; the API filter checks the role). */
    public void createOperator(Caller by, String username, String password, String role, String source) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,31}")) {
            errors.add(new FieldError("username", "3 to 32 characters: lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter."));
        }
        if (role != null && !"operator".equals(role)) {
            errors.add(new FieldError("role", "Only operator accounts can be created."));
        }
        if (errors.isEmpty()) {
            policy.check(username, password).ifPresent(m -> errors.add(new FieldError("password", m)));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The account cannot be created", errors);
        }
        String hash = hasher.hash(password);
        try {
            jdbc.transaction(tx -> {
                users.create(tx, username, Role.OPERATOR, hash, clock.instant());
                audit.record(tx, by.username(), "user.create", username, "success", "role operator", source);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new ApplianceException.Conflict("An account named '" + username + "' exists already");
            }
            throw e;
        }
    }

    /**
     * Changes a password. Callers change their own with their current password; the admin may set an operator's
     * or readonly's without it. The admin's own change re-keys the vault in the same transaction.
     */
    public void changePassword(Caller by, String username, String current, String next, String source) {
        User user = users.find(username).orElseThrow(() -> new ApplianceException.NotFound("No account '"
                + username + "'"));
        boolean self = by.username().equals(username);
        if (!self && by.role() != Role.ADMIN) {
            throw new ApplianceException.Forbidden("You may change only your own password");
        }
        if (self && (current == null || !hasher.verify(current, user.passwordHash()))) {
            audit.failure(by.username(), "user.password", username, "current password wrong", source);
            throw ApplianceException.BadRequest.field("currentPassword", "The current password is not correct.");
        }
        policy.check(username, next).ifPresent(m -> {
            throw ApplianceException.BadRequest.field("newPassword", m);
        });
        String hash = hasher.hash(next);
        if (user.role() == Role.ADMIN) {
            vault.rekey(tx -> {
                users.setPassword(tx, username, hash);
                audit.record(tx, by.username(), "user.password", username, "success", "vault re-keyed", source);
            });
        } else {
            jdbc.transaction(tx -> {
                users.setPassword(tx, username, hash);
                audit.record(tx, by.username(), "user.password", username, "success", null, source);
                return null;
            });
        }
        sessions.closeAllOf(username, by.sessionId());
    }

    /** Deletes an operator account; the built-in accounts stay. */
    public void delete(Caller by, String username, String source) {
        User user = users.find(username).orElseThrow(() -> new ApplianceException.NotFound("No account '"
                + username + "'"));
        if (user.role() != Role.OPERATOR) {
            throw new ApplianceException.Conflict("Only operator accounts can be deleted");
        }
        users.delete(username);
        attemptLocks.remove(username);
        sessions.closeAllOf(username, null);
        audit.success(by.username(), "user.delete", username, null, source);
    }
}
