import { t } from '../../utils/i18n';
import { DataSection } from './DataSection';
import { OfficeHoursSection } from './OfficeHoursSection';
import { PrivacySection } from './PrivacySection';
import { ProfileForm } from './ProfileForm';
import { SitesSection } from './SitesSection';
import { TeamSection } from './TeamSection';

export function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('privacyNote')}</p>
      <ProfileForm />
      <SitesSection />
      <OfficeHoursSection />
      <PrivacySection />
      <DataSection />
      <TeamSection />
      <p class="hint">{t('about')}</p>
    </main>
  );
}
