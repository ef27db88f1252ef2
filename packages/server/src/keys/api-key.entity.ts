import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '../policy/enums';

@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  /** The readable start of the secret, to tell keys apart in logs and lists. */
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  /** SHA-256 of the whole secret, hex. The secret itself is never stored. */
  @Index('api_keys_secret_hash_uq', { unique: true })
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** When a request last authenticated with the key, to the minute (see viewerForSecret). */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}

// A PARTNER key's scope: the accounts it may see and act on.
@Entity({ name: 'api_key_accounts' })
@Index('api_key_accounts_account_idx', ['accountId'])
export class ApiKeyAccountEntity {
  @PrimaryColumn({ name: 'api_key_id', type: 'uuid' })
  apiKeyId: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;
}
