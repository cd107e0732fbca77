/* lyg-training-vault.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lyg-store.h"
#include "lyg-training-vault.h"

/* The training vault is an ordinary vault file next to the real one that
 * holds only fictional cases.  It is never given a team key and never
 * syncs: its header carries META_TRAINING, which the sync engine, the team
 * functions and the CLI check before doing anything.  Nothing in it is
 * secret, so it is sealed with a fixed passphrase and the cheapest key
 * derivation; a trainer never types anything to open it.
 */
#define META_TRAINING        "vault.training"
#define TRAINING_PASSPHRASE  "lygte training vault: fictional cases only"
#define PACK_SECRET_PREFIX   "training.pack."
#define SECRET_META_PREFIX   "secret."

static void
remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * lyg_training_vault_path_for:
 * @real_path: (nullable): where the real vault lives, %NULL for the default
 *
 * Returns: (transfer full): `$LYGTE_TRAINING_VAULT`, or training.lygte in
 *   the same folder as the real vault
 */
char *
lyg_training_vault_path_for (const char *real_path)
{
  const char *env = g_getenv ("LYGTE_TRAINING_VAULT");
  g_autofree char *fallback = NULL;
  g_autofree char *dir = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (real_path == NULL)
    real_path = fallback = lyg_vault_default_path ();
  dir = g_path_get_dirname (real_path);

  return g_build_filename (dir, "training.lygte", NULL);
}

/**
 * lyg_vault_is_training:
 * @vault: a #LygVault, locked or not
 *
 * Returns: %TRUE if @vault is a training vault, which must never sync
 */
gboolean
lyg_vault_is_training (LygVault *vault)
{
  g_autoptr(GBytes) value = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  value = lyg_store_get_meta (lyg_vault_get_store (vault), META_TRAINING, NULL);

  return value != NULL && g_bytes_get_size (value) == 1 &&
         ((const char *)g_bytes_get_data (value, NULL))[0] == '1';
}

/**
 * lyg_training_vault_open:
 * @path: where the training vault lives
 * @error: return location for a #GError
 *
 * Opens the training vault at @path, creating it on first use, and
 * unlocks it.  Refuses a file that is a real vault.
 *
 * Returns: (transfer full) (nullable): the unlocked training vault
 */
LygVault *
lyg_training_vault_open (const char  *path,
                         GError     **error)
{
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GBytes) mark = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      LygKdfParams params = lyg_kdf_params_minimum ();

      if (!(vault = lyg_vault_create (path, TRAINING_PASSPHRASE, &params, error)))
        return NULL;

      mark = g_bytes_new_static ("1", 1);
      if (!lyg_store_set_meta (lyg_vault_get_store (vault), META_TRAINING, mark, error))
        {
          /* Unmarked, it would never open as the training vault again. */
          lyg_vault_lock (vault);
          g_clear_object (&vault);
          remove_files (path);
          return NULL;
        }
    }
  else if (!(vault = lyg_vault_open (path, error)))
    {
      return NULL;
    }

  /* Never unlock a real vault as if it were the training one. */
  if (!lyg_vault_is_training (vault))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is not a training vault"), path);
      return NULL;
    }

  if (!lyg_vault_get_unlocked (vault) &&
      !lyg_vault_unlock (vault, TRAINING_PASSPHRASE, error))
    return NULL;

  return g_steal_pointer (&vault);
}

/**
 * lyg_training_vault_list_packs:
 * @vault: an unlocked training vault
 * @catalogues: to validate the packs against
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LygScenarioPack) (nullable):
 *   the packs imported into @vault, sorted by id
 */
GPtrArray *
lyg_training_vault_list_packs (LygVault         *vault,
                               LygCatalogueSet  *catalogues,
                               GError          **error)
{
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  names = lyg_store_list_meta (lyg_vault_get_store (vault),
                               SECRET_META_PREFIX PACK_SECRET_PREFIX, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i] + strlen (SECRET_META_PREFIX);
      g_autoptr(GBytes) data = NULL;
      g_autoptr(LygScenarioPack) pack = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(data = lyg_vault_get_secret (vault, name, error)))
        return NULL;

      pack = lyg_scenario_pack_new_from_data (g_bytes_get_data (data, NULL),
                                              g_bytes_get_size (data), name, &local_error);
      if (pack == NULL || !lyg_scenario_pack_validate (pack, catalogues, &local_error))
        {
          /* Imported under an older Lygte that read it differently: keep
           * it stored, but do not offer it. */
          g_message ("Skipping the stored pack %s: %s", name, local_error->message);
          continue;
        }

      g_ptr_array_add (packs, g_steal_pointer (&pack));
    }

  return g_steal_pointer (&packs);
}

/**
 * lyg_training_vault_add_pack:
 * @vault: an unlocked training vault
 * @pack: a validated pack
 * @error: return location for a #GError
 *
 * Stores @pack inside the training vault, replacing one with the same id.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_training_vault_add_pack (LygVault         *vault,
                             LygScenarioPack  *pack,
                             GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (LYG_IS_SCENARIO_PACK (pack), FALSE);

  if (!lyg_vault_is_training (vault))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Scenario packs are stored only in the training vault"));
      return FALSE;
    }

  name = g_strconcat (PACK_SECRET_PREFIX, lyg_scenario_pack_get_id (pack), NULL);

  return lyg_vault_set_secret (vault, name, lyg_scenario_pack_get_data (pack), error);
}
