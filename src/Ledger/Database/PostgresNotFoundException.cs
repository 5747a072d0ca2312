namespace Ledger.Database;

public sealed class PostgresNotFoundException() : Exception(
    "Ledger needs PostgreSQL and found none. Either install your distribution's PostgreSQL server " +
    "(Debian/Ubuntu: `sudo apt-get install postgresql`; Fedora: `sudo dnf install postgresql-server`), and Ledger " +
    "will run a private cluster under $LEDGER_HOME by itself; or run `docker compose up -d` in the Ledger checkout " +
    "and point Ledger at it with `export LEDGER_DB='Host=localhost;Port=5432;Username=ledger;Password=ledger;Database=ledger'` " +
    "(or pass --db).");
