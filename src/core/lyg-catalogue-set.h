/* lyg-catalogue-set.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue.h"

G_BEGIN_DECLS

/* Where the shipped catalogues live inside the core library's resources. */
#define LYG_CATALOGUE_RESOURCE_PATH "/io/github/lygte/Lygte/catalogues"

#define LYG_TYPE_CATALOGUE_SET (lyg_catalogue_set_get_type ())

G_DECLARE_FINAL_TYPE (LygCatalogueSet, lyg_catalogue_set, LYG, CATALOGUE_SET, GObject)

LygCatalogueSet *lyg_catalogue_set_new                (void);
LygCatalogueSet *lyg_catalogue_set_new_shipped        (GError          **error);
LygCatalogueSet *lyg_catalogue_set_get_shipped        (void);
gboolean         lyg_catalogue_set_add                (LygCatalogueSet  *self,
                                                       LygCatalogue     *catalogue,
                                                       GError          **error);
gboolean         lyg_catalogue_set_load_resources     (LygCatalogueSet  *self,
                                                       GResource        *resource,
                                                       const char       *path,
                                                       GError          **error);
gboolean         lyg_catalogue_set_load_directory     (LygCatalogueSet  *self,
                                                       GFile            *directory,
                                                       GError          **error);
LygCatalogue    *lyg_catalogue_set_lookup             (LygCatalogueSet  *self,
                                                       const char       *id,
                                                       guint             version,
                                                       GError          **error);
LygCatalogue    *lyg_catalogue_set_lookup_spec        (LygCatalogueSet  *self,
                                                       const char       *spec,
                                                       GError          **error);
GPtrArray       *lyg_catalogue_set_list               (LygCatalogueSet  *self,
                                                       gboolean          all_versions);
GResource       *lyg_catalogue_set_get_shipped_resource (void);

G_END_DECLS
